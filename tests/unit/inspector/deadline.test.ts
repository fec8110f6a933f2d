import { describe, expect, it } from 'vitest';
import { endOfDayIso, toDateInput } from '../../../client/src/inspector/deadline.js';
import { dayInAmsterdam, endOfDayInAmsterdam } from '../../../shared/amsterdam-day.js';
import { deadlineFromInput } from '../../../server/investigations/deadline-day.js';

describe('deadline days (client)', () => {
  it('round-trips a chosen day through the stored end-of-day moment', () => {
    for (const day of ['2026-06-01', '2026-12-31', '2027-03-28', '2027-10-31'])
      expect(toDateInput(endOfDayIso(day))).toBe(day);
  });

  it('sends the end of the day in Amsterdam, not in the browser’s zone', () => {
    expect(endOfDayIso('2027-01-31')).toBe('2027-01-31T22:59:59.999Z');
    expect(endOfDayIso('2027-06-01')).toBe('2027-06-01T21:59:59.999Z');
  });

  it('shows nothing for a missing or broken value', () => {
    expect(toDateInput(undefined)).toBe('');
    expect(toDateInput(null)).toBe('');
    expect(toDateInput('gisteren')).toBe('');
  });
});

describe('deadline days (server)', () => {
  it.each([
    // winter (UTC+1), summer (UTC+2), and both DST switch days
    ['2027-01-31', '2027-01-31T22:59:59.999Z'],
    ['2027-06-01', '2027-06-01T21:59:59.999Z'],
    ['2027-03-28', '2027-03-28T21:59:59.999Z'],
    ['2027-10-31', '2027-10-31T22:59:59.999Z'],
  ])('%s ends at %s', (day, iso) => {
    expect(endOfDayInAmsterdam(day).toISOString()).toBe(iso);
    expect(dayInAmsterdam(endOfDayInAmsterdam(day))).toBe(day);
  });

  it('a moment counts as the calendar day written in it, whatever its offset', () => {
    expect(dayInAmsterdam(deadlineFromInput('2027-01-31T23:59:59-05:00'))).toBe('2027-01-31');
    expect(dayInAmsterdam(deadlineFromInput('2027-01-31T00:00:00+09:00'))).toBe('2027-01-31');
    expect(dayInAmsterdam(deadlineFromInput('2027-01-31'))).toBe('2027-01-31');
  });

  it('client and server agree on the stored moment', () => {
    for (const day of ['2026-02-28', '2027-03-27', '2027-08-15'])
      expect(endOfDayIso(day)).toBe(endOfDayInAmsterdam(day).toISOString());
  });
});
