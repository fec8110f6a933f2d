import type { Framework } from '../framework/framework.schema.js';
import type { AnswerSet } from '../../shared/analysis/analysis-input.js';
import type { Flag, Verdict } from '../../shared/analysis/analysis-result.js';
import { assessIndicator } from './analyse-indicator.js';
import { numberRespondents } from './respondents.js';

/** Per indicator the proposed verdict and the flags, exactly as `analyseInvestigation` finds them. */
export type IndicatorVerdictSummary = { id: string; verdict: Verdict; flags: Flag[] };

/**
 * The part of the analysis an overview of many investigations shows: no drafted findings, no answer
 * cells, no aggregates. Same rules, same flags, same proposals; a third cheaper, which is what makes the
 * first overview of a year with hundreds of investigations fit its time budget.
 */
export function summariseInvestigation(
  framework: Framework,
  answerSets: readonly AnswerSet[],
): IndicatorVerdictSummary[] {
  const respondents = numberRespondents(answerSets);
  return framework.themes.flatMap((theme) =>
    theme.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => {
        const { proposal, flags } = assessIndicator(framework, respondents, indicator);
        return { id: indicator.id, verdict: proposal.verdict, flags };
      }),
    ),
  );
}
