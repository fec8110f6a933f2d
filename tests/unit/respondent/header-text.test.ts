import { describe, expect, it } from 'vitest';
import type { RespondSession } from '../../../shared/api/respond.js';
import { approachLabel, headerContext, headerTitle } from '../../../client/src/respondent/header-text.js';

function session(organisation: string, approach: string): RespondSession {
  return {
    respondent: { role: 'gemeente', organisation },
    investigation: { municipality: 'Venlo', approach, year: 2026 },
    questionnaire: { id: 'q', version: '1', json: {} },
    response: { data: {}, currentPageNo: 0, revision: 0, status: 'concept' },
  };
}

describe('respondent header text', () => {
  it.each([
    ['Integrale aanpak multiprobleemgezinnen', 'Aanpak: Integrale aanpak multiprobleemgezinnen'],
    ['Aanpak huiselijk geweld', 'Aanpak huiselijk geweld'],
    ['  aanpak jeugdcriminaliteit ', 'aanpak jeugdcriminaliteit'],
    ['Aanpakken van schulden', 'Aanpak: Aanpakken van schulden'],
  ])('labels the approach %j once', (approach, expected) => {
    expect(approachLabel(approach)).toBe(expected);
  });

  it('names the municipality only when the organisation does not', () => {
    const own = session('Gemeente Venlo', 'Sociale wijkteams');
    expect(headerTitle(own)).toBe('Vragenlijst voor Gemeente Venlo');
    expect(headerContext(own)).toBe('Aanpak: Sociale wijkteams');
    const partner = session('GGD Limburg-Noord', 'Sociale wijkteams');
    expect(headerTitle(partner)).toBe('Vragenlijst voor GGD Limburg-Noord');
    expect(headerContext(partner)).toBe('Gemeente Venlo · Aanpak: Sociale wijkteams');
  });
});
