import { errorTexts } from '../i18n/nl.js';
import { ApiError } from './api-error.js';

/** What to tell an inspector about a failed request, in Dutch, by stable code first and status second. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Er ging iets mis. Probeer het opnieuw.';
  const known = errorTexts[error.code];
  if (known) return known;
  if (error.status === 429) return errorTexts.too_many_requests ?? '';
  if (error.status === 401) return 'U bent niet (meer) ingelogd. Log opnieuw in.';
  if (error.status === 403) return 'U heeft geen toegang tot deze functie.';
  if (error.status === 404) return 'Dit onderdeel bestaat niet (meer).';
  if (error.status === 413) return 'Het bestand of de invoer is te groot.';
  if (error.status >= 500) return 'Er ging iets mis op de server. Probeer het over een paar minuten opnieuw.';
  return `Dit lukte niet (${error.code}). Controleer de invoer en probeer het opnieuw.`;
}
