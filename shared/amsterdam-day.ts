/**
 * Deadlines are calendar days in Europe/Amsterdam: respondents and mails are Dutch, so "uiterlijk
 * 31 januari" must mean the same day whatever time zone a browser or the server runs in. A day is stored
 * as its last millisecond there (the reminder job compares moments). Used by server and client alike.
 */
const ZONE = 'Europe/Amsterdam';

const wallClockParts = new Intl.DateTimeFormat('en-CA', {
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
    wallClockParts
      .formatToParts(moment)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
}

/** Milliseconds Amsterdam's wall clock is ahead of UTC at this moment (1 h in winter, 2 h in summer). */
function offsetMs(moment: Date): number {
  const p = zoneParts(moment);
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

/** `yyyy-mm-dd` → the last millisecond of that day in Europe/Amsterdam. */
export function endOfDayInAmsterdam(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1, 23, 59, 59, 999);
  // Two passes: the offset at the first estimate can differ from the one at the result across a DST switch.
  const first = wall - offsetMs(new Date(wall));
  return new Date(wall - offsetMs(new Date(first)));
}

/** The calendar day (`yyyy-mm-dd`) a moment falls on in Europe/Amsterdam. */
export function dayInAmsterdam(moment: Date): string {
  const p = zoneParts(moment);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${String(p.year ?? 0).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

const dutchDay = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: ZONE,
});

/** "31 januari 2027": the day a moment falls on in Europe/Amsterdam, as the mails word it. */
export function formatDutchDay(moment: Date): string {
  return dutchDay.format(moment);
}
