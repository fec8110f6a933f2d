import type { Framework } from '../framework/framework.schema.js';
import { computeAggregates } from './aggregates.js';
import type { AnswerSet } from '../../shared/analysis/analysis-input.js';
import type { AnalysisResult } from '../../shared/analysis/analysis-result.js';
import { analyseIndicator } from './analyse-indicator.js';
import { numberRespondents, summaryOf } from './respondents.js';

/**
 * The consistency analysis of one investigation (analysis-rules.md): per indicator of the framework,
 * the answers side by side, the flags, a proposed verdict and a drafted finding; plus aggregates.
 * Pure: the same framework and answer sets always give the same result, and any answer data shape is
 * read without throwing.
 */
export function analyseInvestigation(framework: Framework, answerSets: readonly AnswerSet[]): AnalysisResult {
  const respondents = numberRespondents(answerSets);
  const indicators = framework.themes.flatMap((theme) =>
    theme.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) =>
        analyseIndicator(framework, respondents, indicator, {
          theme: theme.id,
          criterion: criterion.id,
        }),
      ),
    ),
  );
  return {
    framework: framework.id,
    respondents: respondents.map((respondent) => summaryOf(respondent.ref)),
    indicators,
    aggregates: computeAggregates(framework, indicators),
  };
}
