import { describe, expect, it } from 'vitest';
import { DEVIATING_TEXT_THRESHOLD } from '../../../server/analysis/compare-comments.js';
import { termCounts, textSimilarity } from '../../../server/analysis/text-similarity.js';
import { consistentCases, divergentCases, type CommentTextCase } from './fixtures/comment-texts.js';

describe('termCounts', () => {
  it('lowercases, drops Dutch stop words and stems (gezin/gezinnen, probleem/problemen)', () => {
    const counts = termCounts('De gezinnen en het gezin met problemen; een probleem.');
    expect([...counts.keys()].sort()).toEqual(['gezin', 'problem']);
    expect(counts.get('gezin')).toBe(2);
  });

  it('ignores accents and punctuation', () => {
    expect(textSimilarity('Coördinatie van de cliënt', 'coordinatie, client!')).toBeCloseTo(1, 12);
  });
});

describe('textSimilarity (cosine over stem counts)', () => {
  it('is symmetric, 1 for the same text and 0 without shared stems or without content', () => {
    const a = 'Gezinnen met meervoudige problematiek en overlast';
    const b = 'Jongeren die school verlaten';
    expect(textSimilarity(a, b)).toBe(textSimilarity(b, a));
    expect(textSimilarity(a, a)).toBeCloseTo(1, 12);
    expect(textSimilarity(a, b)).toBe(0);
    expect(textSimilarity('de het een', a)).toBe(0);
  });
});

function meanSimilarities(testCase: CommentTextCase): Record<string, number> {
  const codes = ['G', 'P1', 'P2', 'P3'] as const;
  return Object.fromEntries(
    codes.map((code) => {
      const others = codes.filter((other) => other !== code);
      const sum = others.reduce(
        (total, other) => total + textSimilarity(testCase.texts[code], testCase.texts[other]),
        0,
      );
      return [code, sum / others.length];
    }),
  );
}

describe(`calibration of DEVIATING_TEXT_THRESHOLD = ${DEVIATING_TEXT_THRESHOLD}`, () => {
  it.each(consistentCases)('$name: nobody falls below the threshold', (testCase) => {
    for (const mean of Object.values(meanSimilarities(testCase))) {
      expect(mean).toBeGreaterThanOrEqual(DEVIATING_TEXT_THRESHOLD);
    }
  });

  it.each(divergentCases)('$name: exactly the deviating respondents fall below', (testCase) => {
    const below = Object.entries(meanSimilarities(testCase))
      .filter(([, mean]) => mean < DEVIATING_TEXT_THRESHOLD)
      .map(([code]) => code);
    expect(below).toEqual([...testCase.deviating]);
  });
});
