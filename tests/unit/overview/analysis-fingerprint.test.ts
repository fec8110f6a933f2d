import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import {
  analysisFingerprint,
  type RespondentWithResponse,
} from '../../../server/overview/analysis-fingerprints.js';

const at = (iso: string) => new Date(iso);
const gemeente: RespondentWithResponse = {
  respondent: {
    _id: new mongoose.Types.ObjectId('64b000000000000000000001'),
    role: 'gemeente',
    slot: 0,
    organisation: 'Gemeente Almere',
    revokedAt: null,
    startedAt: at('2025-03-01T10:00:00Z'),
    submittedAt: at('2025-03-02T10:00:00Z'),
  },
  response: { status: 'ingediend', revision: 3, updatedAt: at('2025-03-02T10:00:00Z') },
};
const partner: RespondentWithResponse = {
  respondent: {
    _id: new mongoose.Types.ObjectId('64b000000000000000000002'),
    role: 'netwerkpartner',
    slot: 1,
    organisation: 'GGD',
    revokedAt: null,
    startedAt: at('2025-03-01T11:00:00Z'),
    submittedAt: null,
  },
  response: { status: 'concept', revision: 7, updatedAt: at('2025-03-03T10:00:00Z') },
};
const base = analysisFingerprint('fw1', null, [gemeente, partner]);
const withGemeente = (
  respondent: Partial<RespondentWithResponse['respondent']>,
  response: RespondentWithResponse['response'] = gemeente.response,
) =>
  analysisFingerprint('fw1', null, [
    { respondent: { ...gemeente.respondent, ...respondent }, response },
    partner,
  ]);

describe('analysisFingerprint', () => {
  it('is stable and does not depend on the order of the respondents', () => {
    expect(analysisFingerprint('fw1', null, [gemeente, partner])).toBe(base);
    expect(analysisFingerprint('fw1', null, [partner, gemeente])).toBe(base);
    expect(analysisFingerprint('fw1', ['A9', 'S5'], [gemeente])).toBe(
      analysisFingerprint('fw1', ['S5', 'A9'], [gemeente]),
    );
  });

  it('changes with the framework version, the follow-up scope and the set of respondents', () => {
    expect(analysisFingerprint('fw2', null, [gemeente, partner])).not.toBe(base);
    expect(analysisFingerprint('fw1', ['A9'], [gemeente, partner])).not.toBe(base);
    expect(analysisFingerprint('fw1', ['A9'], [gemeente])).not.toBe(
      analysisFingerprint('fw1', ['A9', 'S5'], [gemeente]),
    );
    expect(analysisFingerprint('fw1', null, [gemeente])).not.toBe(base);
  });

  it('changes when a submitted answer set is rewritten, reopened, revoked or relabelled', () => {
    const fingerprints = [
      base,
      withGemeente({}, { status: 'ingediend', revision: 5, updatedAt: gemeente.response?.updatedAt }),
      withGemeente({}, { status: 'ingediend', revision: 3, updatedAt: at('2025-03-04T10:00:00Z') }),
      withGemeente({ submittedAt: null }, { status: 'concept', revision: 4, updatedAt: null }),
      withGemeente({}, null),
      withGemeente({ revokedAt: at('2025-03-05T10:00:00Z') }),
      withGemeente({ organisation: 'Gemeente Lelystad' }),
      withGemeente({ slot: 2 }),
      withGemeente({ startedAt: null }),
    ];
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('ignores autosaves of a draft: drafts are never analysed', () => {
    const autosaved: RespondentWithResponse = {
      ...partner,
      response: { status: 'concept', revision: 12, updatedAt: at('2025-03-09T10:00:00Z') },
    };
    expect(analysisFingerprint('fw1', null, [gemeente, autosaved])).toBe(base);
  });
});
