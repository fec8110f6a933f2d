import type { SaveStatus } from './autosave-queue.js';
import { formatClockTime } from './format-time.js';

/** The Dutch status line; it only says "Opgeslagen" when the server confirmed the latest state. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'Uw antwoorden worden automatisch opgeslagen.';
    case 'pending':
      return 'Wordt opgeslagen…';
    case 'saved':
      return `Opgeslagen om ${formatClockTime(status.savedAt)}`;
    case 'retrying':
      return 'Niet opgeslagen — we proberen het opnieuw';
    case 'rejected':
      return 'Niet opgeslagen — uw laatste wijziging is niet geaccepteerd. Probeer het opnieuw of neem contact op met de inspecteur.';
    case 'conflict':
      return 'Niet opgeslagen — er is een nieuwere versie. Kies bovenaan deze pagina wat u wilt bewaren.';
    case 'stopped':
      return status.reason === 'submitted' ? 'De vragenlijst is al verzonden.' : 'Deze link werkt niet meer.';
    default: {
      const unhandled: never = status;
      return unhandled;
    }
  }
}
