import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseInvestigation } from '../../../server/analysis/analyse-investigation.js';
import type { Framework, IndicatorQuestion } from '../../../server/framework/framework.schema.js';
import { scopeFramework } from '../../../server/framework/scope-framework.js';
import type { AnswerSet } from '../../../shared/analysis/analysis-input.js';
import { consistentCases, divergentCases } from './fixtures/comment-texts.js';
import { ggsrFramework, miniFramework } from './fixtures/frameworks.js';
import { maastrichtAnswerSets } from './fixtures/maastricht.js';

/**
 * The analysis caches what it derives from a framework (roles per question, choice labels, data keys,
 * core questions) per framework object. A cached framework must give exactly the output of a fresh copy
 * that nothing has been cached for, including for odd answer data and for frameworks that share
 * question objects (scopeFramework) but differ elsewhere.
 */

function questionsOf(framework: Framework): IndicatorQuestion[] {
  return framework.themes.flatMap((theme) =>
    theme.criteria.flatMap((criterion) => criterion.indicators.flatMap((indicator) => indicator.questions)),
  );
}

const TEXTS = [...consistentCases, ...divergentCases].flatMap((testCase) => Object.values(testCase.texts));
const ODD_VALUES = [null, 7, '  ', 'other', ['other'], [], [3, 'x'], { a: 1 }, true, 'ja', 'oud_item'];

function answerDataArbitrary(framework: Framework): fc.Arbitrary<Record<string, unknown>> {
  const scale = framework.answerScale;
  const odd = fc.constantFrom<unknown>(...ODD_VALUES);
  const entries = questionsOf(framework).flatMap((question): [string, fc.Arbitrary<unknown>][] => {
    switch (question.kind) {
      case 'jnw':
        return [
          [question.name, fc.oneof(fc.constantFrom(scale.yes, scale.no, scale.unknown, undefined), odd)],
          [
            `${question.name}${framework.explanationSuffix ?? '_toelichting'}`,
            fc.constantFrom(undefined, ' uitleg ', ''),
          ],
        ];
      case 'checkbox':
        return [
          [
            question.name,
            fc.oneof(
              fc.subarray([...question.choices.map((choice) => choice.value), 'other', 'oud_item']),
              odd,
            ),
          ],
          [`${question.name}-Comment`, fc.constantFrom(undefined, ' iets anders ', '', 5)],
        ];
      case 'comment':
      case 'text':
        return [[question.name, fc.oneof(fc.constantFrom(...TEXTS, undefined), odd)]];
      default: {
        const unexpected: never = question;
        return unexpected;
      }
    }
  });
  return fc
    .record(Object.fromEntries(entries))
    .map((data) => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)));
}

function answerSetsArbitrary(framework: Framework): fc.Arbitrary<AnswerSet[]> {
  const set = (role: AnswerSet['role'], id: string) =>
    fc
      .record({
        status: fc.constantFrom<AnswerSet['status']>('ingediend', 'ingediend', 'concept'),
        data: answerDataArbitrary(framework),
        label: fc.constantFrom(undefined, 'Partner'),
      })
      .map(({ status, data, label }): AnswerSet => ({
        respondentId: id,
        role,
        status,
        data,
        ...(label === undefined ? {} : { label }),
      }));
  return fc
    .tuple(
      set('gemeente', 'g'),
      set('netwerkpartner', 'p1'),
      set('netwerkpartner', 'p2'),
      set('netwerkpartner', 'p3'),
    )
    .chain((all) => fc.integer({ min: 1, max: 4 }).map((count) => all.slice(0, count)));
}

/** A copy sharing nothing with the original, so no cached lookup can apply to it. */
function fresh(framework: Framework): Framework {
  return structuredClone(framework);
}

describe.each([
  ['GGSR', ggsrFramework],
  ['mini (a second framework)', miniFramework],
] as const)('framework lookups over the %s framework', (_name, framework) => {
  it('a framework analysed before gives exactly the output of a fresh copy', () => {
    fc.assert(
      fc.property(answerSetsArbitrary(framework), (answerSets) => {
        const cached = analyseInvestigation(framework, answerSets);
        const again = analyseInvestigation(framework, answerSets);
        const uncached = analyseInvestigation(fresh(framework), answerSets);
        expect(JSON.stringify(again)).toBe(JSON.stringify(cached));
        expect(JSON.stringify(cached)).toBe(JSON.stringify(uncached));
      }),
      { numRuns: 60 },
    );
  });

  it('frameworks sharing question objects but not questionnaires do not share lookups', () => {
    // Same question objects, roles swapped: every question asked of the municipality now counts as
    // asked of partners and vice versa. Stale role lookups from the original would show up at once.
    const swapped: Framework = {
      ...framework,
      questionnaires: framework.questionnaires.map((questionnaire) => ({
        ...questionnaire,
        role: questionnaire.role === 'gemeente' ? 'netwerkpartner' : 'gemeente',
      })),
    };
    fc.assert(
      fc.property(answerSetsArbitrary(framework), (answerSets) => {
        analyseInvestigation(framework, answerSets);
        expect(JSON.stringify(analyseInvestigation(swapped, answerSets))).toBe(
          JSON.stringify(analyseInvestigation(fresh(swapped), answerSets)),
        );
      }),
      { numRuns: 20 },
    );
  });
});

describe('framework lookups and scoped frameworks', () => {
  it('a scoped framework reuses question objects yet analyses like a fresh copy', () => {
    const whole = analyseInvestigation(ggsrFramework, maastrichtAnswerSets);
    const ids = whole.indicators.filter((_, index) => index % 3 === 0).map((indicator) => indicator.id);
    const scoped = scopeFramework(ggsrFramework, ids);
    const result = analyseInvestigation(scoped, maastrichtAnswerSets);
    expect(result.indicators.map((indicator) => indicator.id)).toEqual(ids);
    expect(JSON.stringify(result)).toBe(
      JSON.stringify(analyseInvestigation(fresh(scoped), maastrichtAnswerSets)),
    );
    // Per indicator the scoped analysis is the whole framework's analysis.
    for (const indicator of result.indicators) {
      expect(indicator).toEqual(whole.indicators.find((candidate) => candidate.id === indicator.id));
    }
  });
});
