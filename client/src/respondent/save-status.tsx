import { useSyncExternalStore } from 'react';
import type { AutosaveQueue } from './autosave-queue.js';
import { saveStatusText } from './save-status-text.js';

/** The visible autosave state; a polite live region so screen-reader users hear it without interruption. */
export function SaveStatus({ queue }: { queue: AutosaveQueue }) {
  const status = useSyncExternalStore(queue.subscribe, queue.getStatus);
  const problem = status.kind === 'retrying' || status.kind === 'rejected' || status.kind === 'conflict';
  return (
    <div className={`save-status${problem ? ' save-status--problem' : ''}`}>
      <p role="status" aria-live="polite" className="save-status__text">
        {saveStatusText(status)}
      </p>
      {status.kind === 'retrying' && (
        <button type="button" className="button button--secondary" onClick={() => queue.flush()}>
          Nu opnieuw proberen
        </button>
      )}
    </div>
  );
}
