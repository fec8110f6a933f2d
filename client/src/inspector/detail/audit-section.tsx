import { useQuery } from '@tanstack/react-query';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { Table } from '../../shared/components/table.js';
import { formatDateTime } from '../../shared/format.js';
import { getAudit, investigationKeys } from '../api/investigations-api.js';
import type { AuditEntry } from '../../../../shared/api/audit.js';
import { auditActionLabel } from '../audit-labels.js';

function actorText(entry: AuditEntry): string {
  if (entry.actor.type === 'system') return 'Systeem';
  if (entry.actor.type === 'respondent') return 'Respondent';
  return entry.actor.email ?? 'Inspecteur';
}

/** Append-only trail of what happened in this investigation, newest first. */
export function AuditSection({ investigationId }: { investigationId: string }) {
  const audit = useQuery({
    queryKey: investigationKeys.audit(investigationId),
    queryFn: ({ signal }) => getAudit(investigationId, signal),
  });
  return (
    <section className="section" aria-labelledby="logboek">
      <h2 id="logboek">Logboek</h2>
      {audit.isPending && <SkeletonRows rows={3} />}
      {audit.isError && <ErrorMessage error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && audit.data.items.length === 0 && <p className="muted">Nog geen gebeurtenissen.</p>}
      {audit.data && audit.data.items.length > 0 && (
        <Table
          stack
          caption="Logboek"
          head={
            <tr>
              <th scope="col">Moment</th>
              <th scope="col">Gebeurtenis</th>
              <th scope="col">Door</th>
            </tr>
          }
        >
          {audit.data.items.map((entry) => (
            <tr key={entry.id}>
              <td data-label="Moment" className="nowrap">
                {formatDateTime(entry.at)}
              </td>
              <td data-label="Gebeurtenis" className="break">
                {auditActionLabel(entry.action)}
              </td>
              {/* Long e-mail addresses have no break points: without this the row overflows at 390 px. */}
              <td data-label="Door" className="break">
                {actorText(entry)}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
