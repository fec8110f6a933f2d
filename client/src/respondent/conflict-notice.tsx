import { useSyncExternalStore } from 'react';
import type { AutosaveQueue } from './autosave-queue.js';

/**
 * Shown when another device or a colleague saved different answers to the same questions. Focus is not
 * moved here (it appears while the respondent may be typing); the status region announces it.
 */
export function ConflictNotice({ queue, titleOf }: { queue: AutosaveQueue; titleOf(name: string): string }) {
  const status = useSyncExternalStore(queue.subscribe, queue.getStatus);
  if (status.kind !== 'conflict') return null;
  return (
    <section className="notice notice--warning" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Deze vragenlijst is intussen ook ergens anders bewerkt</h2>
      <p>
        Deze vragenlijst is intussen ook op een ander apparaat of door een collega bewerkt. Bij de volgende
        vragen verschillen die antwoorden van de uwe:
      </p>
      <ul>
        {status.questions.map((name) => (
          <li key={name}>{titleOf(name)}</li>
        ))}
      </ul>
      <p>Welke antwoorden wilt u bewaren? Antwoorden op andere vragen blijven in beide gevallen behouden.</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => queue.resolveConflict('theirs')}>
          Nieuwere versie laden
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => queue.resolveConflict('mine')}
        >
          Mijn antwoorden bewaren
        </button>
      </div>
    </section>
  );
}
