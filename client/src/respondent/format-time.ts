const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short' });

/** "14:32" in the respondent's own time zone. */
export function formatClockTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** "3 maart 2026 om 14:32". */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
