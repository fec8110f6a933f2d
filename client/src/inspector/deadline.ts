/**
 * Deadlines are chosen as a day and mean that day in Europe/Amsterdam (respondents and mails are Dutch),
 * whatever time zone this browser is in. They are sent as the last millisecond of that day there, so
 * "deadline 1 juni" still accepts answers on 1 juni; the server reads the day from the string itself
 * (server/investigations/deadline-day.ts keeps the same rule).
 */
const ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function amsterdamParts(moment: Date): Record<string, number> {
  return Object.fromEntries(
    parts
      .formatToParts(moment)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
}

function offsetMs(moment: Date): number {
  const p = amsterdamParts(moment);
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(moment.getTime() / 1000) * 1000;
}

/** `yyyy-mm-dd` → the end of that day in Europe/Amsterdam, as an ISO string. */
export function endOfDayIso(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1, 23, 59, 59, 999);
  const first = wall - offsetMs(new Date(wall));
  return new Date(wall - offsetMs(new Date(first))).toISOString();
}

/** The stored moment back as the `yyyy-mm-dd` a date input shows (the day in Europe/Amsterdam). */
export function toDateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = amsterdamParts(date);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${String(p.year ?? 0).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: ZONE,
});

/** "31 januari 2027": the stored deadline as the day in Europe/Amsterdam, as the mails word it. */
export function formatDeadline(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dayFormat.format(date);
}
