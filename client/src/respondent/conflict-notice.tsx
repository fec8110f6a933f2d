import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { AutosaveQueue } from './autosave-queue.js';

export const conflictPanelId = 'conflict-panel';

/**
 * Shown when another device or a colleague saved different answers to the same questions: both answers
 * per question, side by side, and the choice which to keep. It appears above the form, far from where
 * the respondent is, so it takes focus and scrolls into view (a few keystrokes may then land here
 * instead of in the field; the text typed so far stays, and losing track of the choice was worse).
 */
export function ConflictNotice({
  queue,
  titleOf,
  answerOf,
}: {
  queue: AutosaveQueue;
  titleOf(name: string): string;
  answerOf(name: string, value: unknown): string;
}) {
  const status = useSyncExternalStore(queue.subscribe, queue.getStatus);
  const ref = useRef<HTMLElement>(null);
  const open = status.kind === 'conflict';
  useEffect(() => {
    if (!open) return;
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'start' });
  }, [open]);
  if (status.kind !== 'conflict') return null;
  return (
    <section
      ref={ref}
      id={conflictPanelId}
      tabIndex={-1}
      className="notice notice--warning conflict"
      aria-labelledby="conflict-title"
    >
      <h2 id="conflict-title">Deze vragenlijst is intussen ook ergens anders bewerkt</h2>
      <p>
        Deze vragenlijst is intussen ook op een ander apparaat of door een collega bewerkt. Bij de volgende
        vragen verschillen die antwoorden van de uwe:
      </p>
      <ul className="conflict__list">
        {status.questions.map((name) => (
          <li key={name} className="conflict__item">
            <h3 className="conflict__question">{titleOf(name)}</h3>
            <dl className="conflict__answers">
              <div className="conflict__answer">
                <dt>Uw antwoord</dt>
                <dd>{answerOf(name, status.mine[name])}</dd>
              </div>
              <div className="conflict__answer">
                <dt>Nieuwere versie (ander apparaat of collega)</dt>
                <dd>{answerOf(name, status.theirs[name])}</dd>
              </div>
            </dl>
          </li>
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
