import { describe, expect, it } from 'vitest';
import { analyseInvestigation } from '../../../server/analysis/analyse-investigation.js';
import type { AnswerSet } from '../../../shared/analysis/analysis-input.js';
import { analysisResultSchema, type Flag } from '../../../shared/analysis/analysis-result.js';
import {
  almereMultiprobleemAnswerSets,
  almereMultiprobleemExpected,
  almereVersterktVerderAnswerSets,
  almereVersterktVerderExpected,
} from './fixtures/almere-2013.js';
import type { ExpectedFlag, IndicatorExpectation } from './fixtures/answer-table.js';
import { ggsrFramework } from './fixtures/frameworks.js';
import { maastrichtAnswerSets, maastrichtExpected } from './fixtures/maastricht.js';
import { sittardAnswerSets, sittardExpected } from './fixtures/sittard-geleen-2013.js';
import { venloAnswerSets, venloExpected } from './fixtures/venlo-2013.js';

const MEETS: IndicatorExpectation = { verdict: 'voldoet', flags: [], factsheet: '✓ (niet genoemd)' };

const investigations: ReadonlyArray<{
  name: string;
  answerSets: AnswerSet[];
  expected: Record<string, IndicatorExpectation>;
}> = [
  { name: 'Maastricht (all 30 indicators)', answerSets: maastrichtAnswerSets, expected: maastrichtExpected },
  { name: 'Venlo 2013', answerSets: venloAnswerSets, expected: venloExpected },
  { name: 'Sittard-Geleen 2013', answerSets: sittardAnswerSets, expected: sittardExpected },
  {
    name: 'Almere 2013 Multiprobleemgezinnen',
    answerSets: almereMultiprobleemAnswerSets,
    expected: almereMultiprobleemExpected,
  },
  {
    name: 'Almere 2013 Versterkt Verder',
    answerSets: almereVersterktVerderAnswerSets,
    expected: almereVersterktVerderExpected,
  },
];

function comparable(flags: readonly (Flag | ExpectedFlag)[]): string[] {
  return flags.map((flag) => `${flag.kind} ${flag.question} ${flag.count ?? '-'}/${flag.of ?? '-'}`).sort();
}

const indicatorIds = ggsrFramework.themes.flatMap((theme) =>
  theme.criteria.flatMap((criterion) => criterion.indicators.map((indicator) => indicator.id)),
);

describe.each(investigations)('$name', ({ answerSets, expected }) => {
  const result = analyseInvestigation(ggsrFramework, answerSets);

  it('produces a result that matches the output schema, one entry per indicator', () => {
    expect(analysisResultSchema.parse(result).indicators.map((indicator) => indicator.id)).toEqual(
      indicatorIds,
    );
  });

  it.each(indicatorIds)('%s: flags and proposal follow the rules', (id) => {
    const indicator = result.indicators.find((candidate) => candidate.id === id);
    const expectation = expected[id] ?? MEETS;
    expect(indicator?.proposal.verdict).toBe(expectation.verdict);
    expect(comparable(indicator?.flags ?? [])).toEqual(comparable(expectation.flags));
    if (expectation.finding !== undefined) expect(indicator?.proposal.finding).toBe(expectation.finding);
    if (expectation.letOp !== undefined) expect(indicator?.proposal.letOp).toBe(expectation.letOp);
    if (expectation.verdict !== 'voldoet_let_op') expect(indicator?.proposal.letOp).toBeUndefined();
  });

  it('never names a partner in drafted text', () => {
    // "Bureau Jeugdzorg" is both a Maastricht partner and a party in the choice lists: naming the party is fine.
    const choiceLabels = new Set(
      ggsrFramework.themes.flatMap((theme) =>
        theme.criteria.flatMap((criterion) =>
          criterion.indicators.flatMap((indicator) =>
            indicator.questions.flatMap((question) =>
              question.kind === 'checkbox' ? question.choices.map((choice) => choice.label) : [],
            ),
          ),
        ),
      ),
    );
    const labels = answerSets.flatMap((set) =>
      set.label && set.role === 'netwerkpartner' && !choiceLabels.has(set.label) ? [set.label] : [],
    );
    for (const indicator of result.indicators) {
      const drafted = `${indicator.proposal.finding} ${indicator.proposal.letOp ?? ''}`;
      expect(drafted).not.toMatch(/\bP\d\b/);
      for (const label of labels) expect(drafted).not.toContain(label);
    }
  });
});

describe('Maastricht aggregates', () => {
  const { aggregates } = analyseInvestigation(ggsrFramework, maastrichtAnswerSets);

  it('counts flags and proposals', () => {
    expect(aggregates.proposalCounts).toEqual({
      voldoet: 23,
      voldoet_let_op: 3,
      verbeterpunt: 4,
      geen_oordeel: 0,
    });
    expect(aggregates.flagCounts).toMatchObject({
      tegenspraak: 4,
      onbekend: 1,
      uiteenlopend: 1,
      risico: 4,
      ontbreekt: 0,
    });
  });

  it('reports agreement per theme over municipality–partner ja/nee pairs', () => {
    const aanpak = aggregates.agreementByTheme.find((theme) => theme.theme === 'aanpak');
    // A2–A13 and A14's drang_en_dwang with three partners each (A1 is G only); 4 disagreeing pairs: A9 ×2,
    // A11 gezamenlijk_plan and plan_leidend (weet_niet on A10 is not a pair).
    expect(aanpak).toEqual({ theme: 'aanpak', pairs: 39, agreeing: 35, share: 35 / 39 });
    expect(aggregates.agreementByTheme.find((theme) => theme.theme === 'toeleiding')?.share).toBeNull();
  });

  it('labels Krippendorff’s alpha as low precision', () => {
    expect(aggregates.krippendorffAlpha).toMatchObject({ precision: 'low', raters: 4 });
    expect(aggregates.krippendorffAlpha.value).toBeGreaterThan(0);
    expect(aggregates.krippendorffAlpha.value).toBeLessThan(1);
  });
});
