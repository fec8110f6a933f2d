import { useSyncExternalStore } from 'react';
import type { AutosaveQueue } from './autosave-queue.js';
import { conflictPanelId } from './conflict-notice.js';
import { saveStatusText } from './save-status-text.js';

/** Back to the conflict choice after scrolling away from it. */
function showConflictPanel(): void {
  const panel = document.getElementById(conflictPanelId);
  panel?.focus({ preventScroll: true });
  panel?.scrollIntoView({ block: 'start' });
}

/** The visible autosave state; a polite live region so screen-reader users hear it without interruption. */
export function SaveStatus({ queue }: { queue: AutosaveQueue }) {
  const status = useSyncExternalStore(queue.subscribe, queue.getStatus);
  const problem = status.kind === 'retrying' || status.kind === 'rejected' || status.kind === 'conflict';
  return (
    <div className={`save-status${problem ? ' save-status--problem' : ''}`}>
      <p role="status" aria-live="polite" className="save-status__text">
        {saveStatusText(status)}
      </p>
      {status.kind === 'conflict' && (
        <button type="button" className="button button--secondary" onClick={showConflictPanel}>
          Naar de keuze
        </button>
      )}
      {status.kind === 'retrying' && (
        <button type="button" className="button button--secondary" onClick={() => queue.flush()}>
          Nu opnieuw proberen
        </button>
      )}
    </div>
  );
}
