import { describe, expect, it } from 'vitest';
import { endOfDayIso, toDateInput } from '../../../client/src/inspector/deadline.js';

describe('deadline days', () => {
  it('round-trips a chosen day through the stored end-of-day moment', () => {
    for (const day of ['2026-06-01', '2026-12-31', '2027-03-28'])
      expect(toDateInput(endOfDayIso(day))).toBe(day);
  });

  it('shows nothing for a missing or broken value', () => {
    expect(toDateInput(undefined)).toBe('');
    expect(toDateInput(null)).toBe('');
    expect(toDateInput('gisteren')).toBe('');
  });
});
