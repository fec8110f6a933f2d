import { EmptyState } from '../../shared/components/empty-state.js';
import { StatusBadge } from '../../shared/components/status-badge.js';
import { Table } from '../../shared/components/table.js';
import { formatDateTime } from '../../shared/format.js';
import type { InvestigationDetail } from '../../../../shared/api/investigations.js';
import { respondentStatusView } from '../respondent-status.js';
import type { NoticeMessage } from './notice.js';
import { ProgressBar } from './progress-bar.js';
import { RespondentActions } from './respondent-actions.js';

type Props = { investigation: InvestigationDetail; onNotice: (notice: NoticeMessage) => void };

/** The municipality first, then the partners in the order they were added. */
export function RespondentsTable({ investigation, onNotice }: Props) {
  const respondents = [...investigation.respondents].sort(
    (a, b) => Number(a.role !== 'gemeente') - Number(b.role !== 'gemeente'),
  );
  if (respondents.length === 0) {
    return (
      <EmptyState title="Nog geen respondenten">
        <p>
          Voeg hieronder eerst de gemeente toe. De netwerkpartners volgen uit de antwoorden van de gemeente.
        </p>
      </EmptyState>
    );
  }
  return (
    <Table
      stack
      caption="Respondenten"
      head={
        <tr>
          <th scope="col">Respondent</th>
          <th scope="col">Status</th>
          <th scope="col">Voortgang</th>
          <th scope="col">Laatste activiteit</th>
          <th scope="col">Acties</th>
        </tr>
      }
    >
      {respondents.map((respondent) => {
        const status = respondentStatusView(respondent);
        return (
          <tr key={respondent.id}>
            <td data-label="Respondent">
              <span className="table__strong">{respondent.organisation}</span>
              <div className="table__secondary">
                {respondent.role === 'gemeente' ? 'Gemeente' : 'Netwerkpartner'}
                {respondent.contactName && ` · ${respondent.contactName}`}
              </div>
              <div className="table__secondary break">{respondent.email}</div>
            </td>
            <td data-label="Status">
              <StatusBadge tone={status.tone} label={status.label} />
              {respondent.submittedAt ? (
                <div className="table__secondary">op {formatDateTime(respondent.submittedAt)}</div>
              ) : (
                respondent.invitedAt && (
                  <div className="table__secondary">uitgenodigd {formatDateTime(respondent.invitedAt)}</div>
                )
              )}
              {(respondent.remindersSent ?? 0) > 0 && (
                <div className="table__secondary">
                  {respondent.remindersSent === 1
                    ? '1 herinnering'
                    : `${respondent.remindersSent} herinneringen`}
                </div>
              )}
            </td>
            <td data-label="Voortgang">
              <ProgressBar value={respondent.progress} label={`Voortgang ${respondent.organisation}`} />
            </td>
            <td data-label="Laatst actief">
              {formatDateTime(respondent.lastActivityAt) || <span className="muted">Nog niets</span>}
            </td>
            <td data-label="Acties">
              <RespondentActions
                investigationId={investigation.id}
                respondent={respondent}
                onNotice={onNotice}
              />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
