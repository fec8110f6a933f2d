import { EmptyState } from '../../shared/components/empty-state.js';
import { formatDateTime } from '../../shared/format.js';
import { documentUrl } from '../api/investigations-api.js';
import type { InvestigationDocument } from '../../../../shared/api/documents.js';

type Props = { investigationId: string; documents: InvestigationDocument[] };

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

export function DocumentsSection({ investigationId, documents }: Props) {
  return (
    <section className="section" aria-labelledby="documenten">
      <h2 id="documenten">Documenten</h2>
      {documents.length === 0 ? (
        <EmptyState title="Nog geen documenten">
          <p>Documenten die de gemeente of netwerkpartners bij hun antwoorden uploaden, verschijnen hier.</p>
        </EmptyState>
      ) : (
        <ul className="documents">
          {documents.map((doc) => (
            <li key={doc.id} className="documents__item">
              <a href={documentUrl(investigationId, doc.id)} download={doc.name}>
                {doc.name}
                <span className="visually-hidden"> downloaden</span>
              </a>
              <span className="table__secondary">
                {[doc.organisation, formatSize(doc.size), formatDateTime(doc.uploadedAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
