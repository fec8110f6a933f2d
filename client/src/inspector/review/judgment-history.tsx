import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { formatDateTime } from '../../shared/format.js';
import { getJudgmentHistory, reviewKeys } from '../api/review-api.js';

type Props = { investigationId: string; indicatorId: string };

const text = (record: Record<string, unknown> | null, key: string) => {
  const value = record?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** Earlier versions of the judgment from the audit log, loaded when the inspector opens the list. */
export function JudgmentHistory({ investigationId, indicatorId }: Props) {
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: reviewKeys.history(investigationId, indicatorId),
    queryFn: ({ signal }) => getJudgmentHistory(investigationId, indicatorId, signal),
    enabled: open,
  });
  return (
    <details className="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Wijzigingen</summary>
      {history.isPending && open && <p className="muted">Wijzigingen worden geladen…</p>}
      {history.isError && <ErrorMessage error={history.error} />}
      {history.data &&
        (history.data.items.length === 0 ? (
          <p className="muted">Nog geen wijzigingen.</p>
        ) : (
          <ol className="history__list">
            {history.data.items.map((change, i) => (
              <li key={i}>
                <p className="table__secondary">
                  {formatDateTime(change.at)} · {change.by.email ?? 'onbekend'}
                </p>
                <p>
                  {change.before ? `${text(change.before, 'verdict')} → ` : 'Eerste oordeel: '}
                  <strong>{text(change.after, 'verdict')}</strong>
                  {text(change.after, 'letOp') && ` (LET OP: ${text(change.after, 'letOp')})`}
                </p>
                {text(change.after, 'finding') && (
                  <p className="history__finding">{text(change.after, 'finding')}</p>
                )}
              </li>
            ))}
          </ol>
        ))}
    </details>
  );
}
