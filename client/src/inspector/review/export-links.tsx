import { reviewUrls } from '../api/review-api.js';

const formats = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'Excel (XLSX)' },
  { format: 'json', label: 'JSON' },
] as const;

/** The investigation's answers, analysis and judgments as files, for work outside the application. */
export function ExportLinks({ investigationId }: { investigationId: string }) {
  return (
    <section className="section" aria-labelledby="exporteren">
      <h2 id="exporteren">Exporteren</h2>
      <p className="section__note">Antwoorden, signalen, voorstellen en oordelen per indicator.</p>
      <ul className="export-links">
        {formats.map(({ format, label }) => (
          <li key={format}>
            <a href={reviewUrls.export(investigationId, format)} download>
              {label} downloaden
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
