import { describe, expect, it } from 'vitest';
import { countChips, respondentStatusView } from '../../../client/src/inspector/respondent-status.js';

describe('respondentStatusView', () => {
  it.each([
    [{ status: 'niet_uitgenodigd', progress: 0, revoked: false }, 'neutral', 'Niet uitgenodigd'],
    [{ status: 'uitgenodigd', progress: 0, revoked: false }, 'info', 'Uitgenodigd'],
    [{ status: 'geopend', progress: 0, revoked: false }, 'info', 'Geopend'],
    [{ status: 'bezig', progress: 41.6, revoked: false }, 'progress', 'Bezig 42%'],
    [{ status: 'bezig', progress: 140, revoked: false }, 'progress', 'Bezig 100%'],
    [{ status: 'ingediend', progress: 100, revoked: false }, 'success', 'Ingediend'],
    [{ status: 'bezig', progress: 30, revoked: true }, 'danger', 'Link ingetrokken'],
    // A submitted response stays "ingediend" even when the link was revoked afterwards.
    [{ status: 'ingediend', progress: 100, revoked: true }, 'success', 'Ingediend'],
  ] as const)('%o → %s %s', (respondent, tone, label) => {
    expect(respondentStatusView(respondent)).toEqual({ tone, label });
  });
});

describe('countChips', () => {
  it('lists non-empty statuses from furthest to least far along', () => {
    const chips = countChips({
      total: 4,
      niet_uitgenodigd: 1,
      uitgenodigd: 0,
      geopend: 0,
      bezig: 2,
      ingediend: 1,
    });
    expect(chips.map((c) => [c.status, c.count])).toEqual([
      ['ingediend', 1],
      ['bezig', 2],
      ['niet_uitgenodigd', 1],
    ]);
  });

  it('is empty for an investigation without respondents', () => {
    expect(
      countChips({ total: 0, niet_uitgenodigd: 0, uitgenodigd: 0, geopend: 0, bezig: 0, ingediend: 0 }),
    ).toEqual([]);
  });
});
