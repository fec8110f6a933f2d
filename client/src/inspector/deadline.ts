import { dayInAmsterdam, endOfDayInAmsterdam, formatDutchDay } from '../../../shared/amsterdam-day.js';

/**
 * Deadlines are chosen as a day and mean that day in Europe/Amsterdam, whatever time zone this browser
 * is in. They are sent as the last millisecond of that day there, so "deadline 1 juni" still accepts
 * answers on 1 juni (shared/amsterdam-day.ts, the same rule the server applies).
 */

/** `yyyy-mm-dd` → the end of that day in Europe/Amsterdam, as an ISO string. */
export function endOfDayIso(day: string): string {
  return endOfDayInAmsterdam(day).toISOString();
}

/** The stored moment back as the `yyyy-mm-dd` a date input shows (the day in Europe/Amsterdam). */
export function toDateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dayInAmsterdam(date);
}

/** "31 januari 2027": the stored deadline as the day in Europe/Amsterdam, as the mails word it. */
export function formatDeadline(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatDutchDay(date);
}
