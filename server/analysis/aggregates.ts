import type { Framework } from '../framework/framework.schema.js';
import {
  flagKindSchema,
  verdictSchema,
  type Aggregates,
  type AnswerCell,
  type FlagKind,
  type IndicatorAnalysis,
  type RespondentCode,
  type ThemeAgreement,
  type Verdict,
} from '../../shared/analysis/analysis-result.js';
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

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  const counts = {} as Record<K, number>;
  for (const key of keys) counts[key] = 0;
  return counts;
}

/**
 * Per investigation: flag and proposal counts, agreement per theme (share of municipality–partner jnw
 * pairs, both ja/nee, that agree) and Krippendorff's alpha over all jnw questions with the respondents
 * as coders. One pass over the jnw questions the framework declares.
 */
export function computeAggregates(
  framework: Framework,
  indicators: readonly IndicatorAnalysis[],
): Aggregates {
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const units: string[][] = [];
  const raters = new Set<RespondentCode>();
  const agreementByTheme: ThemeAgreement[] = [];
  for (const theme of framework.themes) {
    let pairs = 0;
    let agreeing = 0;
    for (const criterion of theme.criteria) {
      for (const frameworkIndicator of criterion.indicators) {
        const analysis = byId.get(frameworkIndicator.id);
        for (const question of frameworkIndicator.questions) {
          const cells = question.kind === 'jnw' ? analysis?.answers[question.name] : undefined;
          if (cells === undefined) continue;
          const municipal = decidedAnswer(cells[MUNICIPALITY_CODE]);
          const unit: string[] = [];
          for (const code in cells) {
            const answer = decidedAnswer(cells[code]);
            if (answer === undefined) continue;
            unit.push(answer);
            raters.add(code);
            if (code !== MUNICIPALITY_CODE && municipal !== undefined) {
              pairs += 1;
              if (answer === municipal) agreeing += 1;
            }
          }
          units.push(unit);
        }
      }
    }
    agreementByTheme.push({ theme: theme.id, pairs, agreeing, share: pairs === 0 ? null : agreeing / pairs });
  }
  const flagKinds: readonly FlagKind[] = flagKindSchema.options;
  const verdicts: readonly Verdict[] = verdictSchema.options;
  const alpha = krippendorffAlphaNominal(units);
  const flagCounts = zeroCounts(flagKinds);
  const proposalCounts = zeroCounts(verdicts);
  for (const indicator of indicators) {
    for (const flag of indicator.flags) flagCounts[flag.kind] += 1;
    proposalCounts[indicator.proposal.verdict] += 1;
  }
  return {
    flagCounts,
    proposalCounts,
    agreementByTheme,
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
