import { endOfDayInAmsterdam } from '../../shared/amsterdam-day.js';

/**
 * The API takes a day (`2027-01-31`) or, for older clients, a moment with an offset. A moment counts as
 * the calendar day written in it: `2027-01-31T23:59:59-05:00` from a browser in New York means
 * 31 januari, although that moment is already 1 februari in Amsterdam.
 */
export function deadlineFromInput(input: string): Date {
  return endOfDayInAmsterdam(input.slice(0, 10));
}
