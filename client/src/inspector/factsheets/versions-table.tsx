import type { FactsheetSummary } from '../../../../shared/api/review.js';
import { EmptyState } from '../../shared/components/empty-state.js';
import { Table } from '../../shared/components/table.js';
import { formatDateTime } from '../../shared/format.js';
import { reviewUrls } from '../api/review-api.js';

type Props = { investigationId: string; versions: FactsheetSummary[] };

const kindLabels: Record<FactsheetSummary['kind'], string> = {
  uitkomsten: 'Uitkomsten',
  uitkomsten_verbeterpunten: 'Uitkomsten verbeterpunten',
};

/** Published versions, newest first; each stays downloadable exactly as it was published. */
export function VersionsTable({ investigationId, versions }: Props) {
  if (versions.length === 0)
    return (
      <EmptyState title="Nog niet gepubliceerd">
        <p>Na het publiceren staat hier elke versie, als webpagina en als PDF.</p>
      </EmptyState>
    );
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Table
      caption="Gepubliceerde versies"
      stack
      head={
        <tr>
          <th scope="col">Versie</th>
          <th scope="col">Soort</th>
          <th scope="col">Gepubliceerd</th>
          <th scope="col">Door</th>
          <th scope="col">Downloaden</th>
        </tr>
      }
    >
      {sorted.map((v) => (
        <tr key={v.version}>
          <td data-label="Versie">Versie {v.version}</td>
          <td data-label="Soort">{kindLabels[v.kind]}</td>
          <td data-label="Gepubliceerd">{formatDateTime(v.publishedAt)}</td>
          <td data-label="Door">{v.publishedBy.name}</td>
          <td data-label="Downloaden">
            <span className="row-actions">
              <a href={reviewUrls.factsheetHtml(investigationId, v.version)} target="_blank" rel="noreferrer">
                HTML<span className="visually-hidden"> van versie {v.version} (opent in nieuw tabblad)</span>
              </a>
              <a href={reviewUrls.factsheetPdf(investigationId, v.version)} download>
                PDF<span className="visually-hidden"> van versie {v.version}</span>
              </a>
            </span>
          </td>
        </tr>
      ))}
    </Table>
  );
}
