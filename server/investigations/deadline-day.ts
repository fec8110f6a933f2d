/**
 * A deadline is a calendar day in Europe/Amsterdam: respondents and mails are Dutch, so "uiterlijk
 * 31 januari" must mean the same day whatever time zone the inspector's browser or the server runs in.
 * It is stored as the last millisecond of that day there (the reminder job compares moments).
 */

const ZONE = 'Europe/Amsterdam';

const dayParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function zoneParts(moment: Date): Record<string, number> {
  return Object.fromEntries(
    dayParts
      .formatToParts(moment)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
}

/** Minutes Amsterdam is ahead of UTC at this moment (60 in winter, 120 in summer). */
function offsetMinutes(moment: Date): number {
  const p = zoneParts(moment);
  const asUtc = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(moment.getTime() / 1000) * 1000) / 60_000);
}

/** `yyyy-mm-dd` → the last millisecond of that day in Europe/Amsterdam. */
export function endOfDayInAmsterdam(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const wallClock = Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1, 23, 59, 59, 999);
  // Two passes: the offset at the first estimate can differ from the one at the result across a DST switch.
  const first = wallClock - offsetMinutes(new Date(wallClock)) * 60_000;
  return new Date(wallClock - offsetMinutes(new Date(first)) * 60_000);
}

/** The calendar day (`yyyy-mm-dd`) a moment falls on in Europe/Amsterdam. */
export function dayInAmsterdam(moment: Date): string {
  const p = zoneParts(moment);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${String(p.year ?? 0).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The API takes a day (`2027-01-31`) or, for older clients, a moment with an offset. A moment counts as
 * the calendar day written in it: `2027-01-31T23:59:59-05:00` from a browser in New York means
 * 31 januari, although that moment is already 1 februari in Amsterdam.
 */
export function deadlineFromInput(input: string): Date {
  return endOfDayInAmsterdam(input.slice(0, 10));
}
