/**
 * Deadlines are chosen as a day; they are stored as the end of that day in the inspector's time zone,
 * so "deadline 1 juni" still accepts answers on 1 juni.
 */
export function endOfDayIso(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

/** The stored moment back as the `yyyy-mm-dd` a date input shows (local day). */
export function toDateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
