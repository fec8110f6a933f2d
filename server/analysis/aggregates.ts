import type { Framework } from '../framework/framework.schema.js';
import {
  flagKindSchema,
  verdictSchema,
  type Aggregates,
  type AnswerCell,
  type FlagKind,
  type IndicatorAnalysis,
  type ThemeAgreement,
  type Verdict,
} from './analysis-result.js';
import { krippendorffAlphaNominal } from './krippendorff-alpha.js';
import { MUNICIPALITY_CODE } from './respondents.js';

const ALPHA_NOTE =
  'Lage precisie: hoogstens vier beoordelaars (de gemeente en drie netwerkpartners) per vraag; alleen ja/nee-antwoorden tellen, "weet ik niet" geldt als ontbrekend.';

/** Only a literal ja or nee is a position on the question; weet_niet is not (analysis-rules.md). */
function decidedAnswer(cell: AnswerCell | undefined): 'yes' | 'no' | undefined {
  if (cell?.value?.kind !== 'jnw') return undefined;
  const answer = cell.value.answer;
  return answer === 'yes' || answer === 'no' ? answer : undefined;
}

function jnwQuestionCells(indicator: IndicatorAnalysis): Array<Record<string, AnswerCell>> {
  return Object.values(indicator.answers).filter((cells) =>
    Object.values(cells).some((cell) => cell.value?.kind === 'jnw'),
  );
}

function agreementFor(theme: string, indicators: readonly IndicatorAnalysis[]): ThemeAgreement {
  let pairs = 0;
  let agreeing = 0;
  for (const indicator of indicators.filter((candidate) => candidate.theme === theme)) {
    for (const cells of jnwQuestionCells(indicator)) {
      const municipal = decidedAnswer(cells[MUNICIPALITY_CODE]);
      if (municipal === undefined) continue;
      for (const [code, cell] of Object.entries(cells)) {
        const partner = code === MUNICIPALITY_CODE ? undefined : decidedAnswer(cell);
        if (partner === undefined) continue;
        pairs += 1;
        if (partner === municipal) agreeing += 1;
      }
    }
  }
  return { theme, pairs, agreeing, share: pairs === 0 ? null : agreeing / pairs };
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

/**
 * Per investigation: flag and proposal counts, agreement per theme (share of municipality–partner jnw
 * pairs, both ja/nee, that agree) and Krippendorff's alpha over all jnw questions with the respondents
 * as coders.
 */
export function computeAggregates(
  framework: Framework,
  indicators: readonly IndicatorAnalysis[],
): Aggregates {
  const flagKinds: readonly FlagKind[] = flagKindSchema.options;
  const verdicts: readonly Verdict[] = verdictSchema.options;
  const units = indicators.flatMap((indicator) =>
    jnwQuestionCells(indicator).map((cells) =>
      Object.values(cells).flatMap((cell) => {
        const answer = decidedAnswer(cell);
        return answer === undefined ? [] : [answer];
      }),
    ),
  );
  const raters = new Set(
    indicators.flatMap((indicator) =>
      jnwQuestionCells(indicator).flatMap((cells) =>
        Object.entries(cells)
          .filter(([, cell]) => decidedAnswer(cell) !== undefined)
          .map(([code]) => code),
      ),
    ),
  );
  const alpha = krippendorffAlphaNominal(units);
  return {
    flagCounts: countBy(
      flagKinds,
      indicators.flatMap((indicator) => indicator.flags.map((flag) => flag.kind)),
    ),
    proposalCounts: countBy(
      verdicts,
      indicators.map((indicator) => indicator.proposal.verdict),
    ),
    agreementByTheme: framework.themes.map((theme) => agreementFor(theme.id, indicators)),
    krippendorffAlpha: {
      value: alpha.alpha,
      units: alpha.units,
      values: alpha.values,
      raters: raters.size,
      precision: 'low',
      note: ALPHA_NOTE,
    },
  };
}
