import { formatDateTime } from '../../shared/format.js';

type Props = {
  dirty: boolean;
  /** What the last save in this view said ("Opgeslagen op …"), empty before any. */
  message: string;
  saved: { updatedAt: string | null } | undefined;
};

/**
 * One line per editor that always says where its text stands: not yet saved (highlighted), just saved, or
 * when it was last saved: so the inspector never has to guess which of the boxes still needs "Opslaan".
 */
export function SaveState({ dirty, message, saved }: Props) {
  const text = dirty
    ? 'Niet opgeslagen wijzigingen.'
    : message ||
      (saved?.updatedAt ? `Opgeslagen op ${formatDateTime(saved.updatedAt)}.` : 'Nog niets opgeslagen.');
  return (
    <p className={dirty ? 'save-state save-state--dirty' : 'save-state'} role="status">
      {dirty && (
        <span className="save-state__icon" aria-hidden="true">
          !
        </span>
      )}
      {text}
    </p>
  );
}
