import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format.js';
import { StatusBadge } from '../../shared/components/status-badge.js';
import { Table } from '../../shared/components/table.js';
import type { InvestigationSummary } from '../../../../shared/api/investigations.js';
import { countChips, respondentStatusView } from '../respondent-status.js';

export function InvestigationsTable({ items }: { items: InvestigationSummary[] }) {
  return (
    <Table
      stack
      caption="Onderzoeken"
      head={
        <tr>
          <th scope="col">Gemeente en aanpak</th>
          <th scope="col">Jaar</th>
          <th scope="col">Deadline</th>
          <th scope="col">Respondenten</th>
          <th scope="col">Laatste activiteit</th>
        </tr>
      }
    >
      {items.map((item) => (
        <tr key={item.id}>
          <td data-label="Onderzoek">
            <Link className="table__primary-link" to={`/inspectie/onderzoeken/${item.id}`}>
              {item.municipality}
            </Link>
            <div className="table__secondary">
              {item.approach}
              {item.status === 'closed' && ' · afgesloten'}
            </div>
          </td>
          <td data-label="Jaar" className="num">
            {item.year}
          </td>
          <td data-label="Deadline">{formatDate(item.deadline) || <span className="muted">Geen</span>}</td>
          <td data-label="Respondenten">
            <RespondentChips item={item} />
          </td>
          <td data-label="Laatst actief">
            {formatDateTime(item.lastActivityAt) || <span className="muted">Nog niets</span>}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function RespondentChips({ item }: { item: InvestigationSummary }) {
  // Per respondent ("Mondriaan: Bezig 45%") when the list carries them; otherwise one chip per status.
  if (item.respondents && item.respondents.length > 0) {
    const ordered = [...item.respondents].sort(
      (a, b) => Number(a.role !== 'gemeente') - Number(b.role !== 'gemeente'),
    );
    return (
      <ul
        className="respondent-chips"
        aria-label={ordered.length === 1 ? '1 respondent' : `${ordered.length} respondenten`}
      >
        {ordered.map((respondent) => {
          const view = respondentStatusView(respondent);
          return (
            <li key={respondent.id}>
              <span className="respondent-chips__name">{respondent.organisation}</span>
              <StatusBadge tone={view.tone} label={view.label} />
            </li>
          );
        })}
      </ul>
    );
  }
  const chips = countChips(item.respondentCounts);
  if (chips.length === 0) return <span className="muted">Nog geen respondenten</span>;
  return (
    <ul
      className="chips"
      aria-label={
        item.respondentCounts.total === 1 ? '1 respondent' : `${item.respondentCounts.total} respondenten`
      }
    >
      {chips.map((chip) => (
        <li key={chip.status}>
          <StatusBadge tone={chip.tone} label={`${chip.count} ${chip.label.toLowerCase()}`} />
        </li>
      ))}
    </ul>
  );
}
