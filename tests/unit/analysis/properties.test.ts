import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseInvestigation } from '../../../server/analysis/analyse-investigation.js';
import { summariseInvestigation } from '../../../server/analysis/summarise-investigation.js';
import type { AnswerSet } from '../../../shared/analysis/analysis-input.js';
import {
  analysisResultSchema,
  verdictSchema,
  type AnalysisResult,
} from '../../../shared/analysis/analysis-result.js';
import type { Framework, IndicatorQuestion } from '../../../server/framework/framework.schema.js';
import { consistentCases, divergentCases } from './fixtures/comment-texts.js';
import { ggsrFramework, miniFramework } from './fixtures/frameworks.js';

function questionsOf(framework: Framework): IndicatorQuestion[] {
  return framework.themes.flatMap((theme) =>
    theme.criteria.flatMap((criterion) => criterion.indicators.flatMap((indicator) => indicator.questions)),
  );
}

const TEXTS = [...consistentCases, ...divergentCases].flatMap((testCase) => Object.values(testCase.texts));

/** Well-formed answers of every kind, with gaps, for one respondent. */
function answerDataArbitrary(framework: Framework): fc.Arbitrary<Record<string, unknown>> {
  const scale = framework.answerScale;
  const entries = questionsOf(framework).map((question): [string, fc.Arbitrary<unknown>] => {
    switch (question.kind) {
      case 'jnw':
        return [question.name, fc.constantFrom(scale.yes, scale.no, scale.unknown, undefined)];
      case 'checkbox':
        return [
          question.name,
          fc.option(fc.subarray(question.choices.map((choice) => choice.value)), { nil: undefined }),
        ];
      case 'comment':
      case 'text':
        return [question.name, fc.option(fc.constantFrom(...TEXTS), { nil: undefined })];
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

const statusArbitrary = fc.constantFrom<AnswerSet['status']>(
  'ingediend',
  'ingediend',
  'ingediend',
  'concept',
  'niet_gestart',
);

function investigationArbitrary(
  framework: Framework,
): fc.Arbitrary<{ municipality: AnswerSet; partners: AnswerSet[] }> {
  const set = (role: AnswerSet['role'], id: string) =>
    fc
      .record({ status: statusArbitrary, data: answerDataArbitrary(framework) })
      .map(({ status, data }): AnswerSet => ({ respondentId: id, role, status, data }));
  return fc.record({
    municipality: set('gemeente', 'g'),
    partners: fc
      .tuple(set('netwerkpartner', 'p1'), set('netwerkpartner', 'p2'), set('netwerkpartner', 'p3'))
      .chain((all) => fc.integer({ min: 0, max: 3 }).map((count) => all.slice(0, count))),
  });
}

/** Flags without partner numbers: which P-number is named may change when partners are reordered. */
function normalised(result: AnalysisResult) {
  return result.indicators.map((indicator) => ({
    id: indicator.id,
    verdict: indicator.proposal.verdict,
    finding: indicator.proposal.finding,
    letOp: indicator.proposal.letOp,
    flags: indicator.flags
      .map((flag) =>
        JSON.stringify({
          ...flag,
          respondents: flag.respondents.map((code) => (code === 'G' ? 'G' : 'P')).sort(),
          message: flag.message.replace(/\bP\d\b/g, 'P#'),
        }),
      )
      .sort(),
  }));
}

describe.each([
  ['GGSR', ggsrFramework],
  ['mini (a second framework)', miniFramework],
] as const)('properties over the %s framework', (_name, framework) => {
  it('the overview summary has exactly the proposals and flags of the full analysis', () => {
    fc.assert(
      fc.property(investigationArbitrary(framework), ({ municipality, partners }) => {
        const sets = [municipality, ...partners];
        const full = analyseInvestigation(framework, sets).indicators.map((indicator) => ({
          id: indicator.id,
          verdict: indicator.proposal.verdict,
          flags: indicator.flags,
        }));
        expect(summariseInvestigation(framework, sets)).toEqual(full);
      }),
      { numRuns: 150 },
    );
  });

  it('permuting partners never changes flags, proposals or drafted text', () => {
    fc.assert(
      fc.property(
        investigationArbitrary(framework).chain((investigation) =>
          fc
            .shuffledSubarray(investigation.partners, { minLength: investigation.partners.length })
            .map((shuffled) => ({ ...investigation, shuffled })),
        ),
        ({ municipality, partners, shuffled }) => {
          const original = analyseInvestigation(framework, [municipality, ...partners]);
          const permuted = analyseInvestigation(framework, [municipality, ...shuffled]);
          expect(normalised(permuted)).toEqual(normalised(original));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('adding a partner who agrees with the municipality on every jnw question never adds a tegenspraak', () => {
    const jnwNames = questionsOf(framework)
      .filter((question) => question.kind === 'jnw')
      .map((question) => question.name);
    fc.assert(
      fc.property(investigationArbitrary(framework), ({ municipality, partners }) => {
        const agreeing: AnswerSet = {
          respondentId: 'agreeing',
          role: 'netwerkpartner',
          status: 'ingediend',
          data: Object.fromEntries(jnwNames.map((name) => [name, municipality.data[name]])),
        };
        const count = (sets: AnswerSet[]) =>
          analyseInvestigation(framework, sets).indicators.map(
            (indicator) => indicator.flags.filter((flag) => flag.kind === 'tegenspraak').length,
          );
        const before = count([municipality, ...partners]);
        const after = count([municipality, ...partners, agreeing]);
        after.forEach((tegenspraak, index) => expect(tegenspraak).toBeLessThanOrEqual(before[index] ?? 0));
      }),
      { numRuns: 150 },
    );
  });

  it('always proposes one of the four verdicts and matches the output schema', () => {
    fc.assert(
      fc.property(investigationArbitrary(framework), ({ municipality, partners }) => {
        const result = analyseInvestigation(framework, [municipality, ...partners]);
        analysisResultSchema.parse(result);
        for (const indicator of result.indicators) {
          expect(verdictSchema.options).toContain(indicator.proposal.verdict);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary answer data shapes', () => {
    const names = questionsOf(framework).flatMap((question) => [question.name, `${question.name}-Comment`]);
    const key = fc.oneof(fc.constantFrom(...names), fc.string());
    const value = fc.oneof(
      fc.anything(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
      fc.constantFrom('ja', 'nee', 'weet_niet', 'other', ''),
    );
    const data = fc.dictionary(key, value);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            role: fc.constantFrom<AnswerSet['role']>('gemeente', 'netwerkpartner'),
            status: statusArbitrary,
            data,
          }),
          { maxLength: 5 },
        ),
        (sets) => {
          const answerSets = sets.map((set, index): AnswerSet => ({ ...set, respondentId: `r${index}` }));
          const result = analyseInvestigation(framework, answerSets);
          analysisResultSchema.parse(result);
        },
      ),
      { numRuns: 200 },
    );
  });
});
