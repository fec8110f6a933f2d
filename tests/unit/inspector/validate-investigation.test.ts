import { describe, expect, it } from 'vitest';
import { validateInvestigation } from '../../../client/src/inspector/investigations/validate-investigation.js';

const today = new Date(2026, 4, 10);
const valid = { municipality: 'Venlo', approach: 'Sociale wijkteams', year: '2026', deadline: '' };

describe('validateInvestigation', () => {
  it('accepts a complete form, with or without a deadline', () => {
    expect(validateInvestigation(valid, today)).toEqual({});
    expect(validateInvestigation({ ...valid, deadline: '2026-05-10' }, today)).toEqual({});
  });

  it('names every missing field', () => {
    expect(
      Object.keys(validateInvestigation({ municipality: ' ', approach: '', year: '', deadline: '' }, today)),
    ).toEqual(['municipality', 'approach', 'year']);
  });

  it.each(['26', '1999', '2101', '20x6'])('refuses the year %s', (year) => {
    expect(validateInvestigation({ ...valid, year }, today).year).toMatch(/tussen 2000 en 2100/);
  });

  it('refuses a deadline before today and names longer than the server allows', () => {
    expect(validateInvestigation({ ...valid, deadline: '2026-05-09' }, today).deadline).toMatch(/verleden/);
    expect(validateInvestigation({ ...valid, municipality: 'x'.repeat(201) }, today).municipality).toMatch(
      /200/,
    );
  });
});
