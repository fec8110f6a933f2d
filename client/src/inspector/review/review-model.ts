import type { IndicatorAnalysis, RespondentSummary } from '../../../../shared/analysis/analysis-result.js';
import type { FrameworkOutline, Judgment, Review } from '../../../../shared/api/review.js';
import { isDeviation } from './verdicts.js';

type OutlineTheme = FrameworkOutline['themes'][number];
type OutlineCriterion = OutlineTheme['criteria'][number];
export type OutlineIndicator = OutlineCriterion['indicators'][number];

/** One indicator with everything the consistency view shows about it. */
export type ReviewItem = {
  theme: OutlineTheme;
  criterion: OutlineCriterion;
  indicator: OutlineIndicator;
  analysis: IndicatorAnalysis;
  judgment: Judgment | undefined;
};

/** The indicators in framework order, limited to the ones analysed (a follow-up asks only some). */
export function reviewItems(review: Review): ReviewItem[] {
  const analysed = new Map(review.analysis.indicators.map((a) => [a.id, a]));
  const judgments = new Map(review.judgments.map((j) => [j.indicatorId, j]));
  return review.framework.themes.flatMap((theme) =>
    theme.criteria.flatMap((criterion) =>
      criterion.indicators.flatMap((indicator) => {
        const analysis = analysed.get(indicator.id);
        return analysis
          ? [{ theme, criterion, indicator, analysis, judgment: judgments.get(indicator.id) }]
          : [];
      }),
    ),
  );
}

export const deviationCount = (analysis: IndicatorAnalysis) =>
  analysis.flags.filter((flag) => isDeviation(flag.kind)).length;

/** "Gemeente" / "Partner 2", the column heading; the organisation goes underneath. */
export function respondentHeading(respondent: RespondentSummary): string {
  return respondent.code === 'G' ? 'Gemeente' : `Partner ${respondent.code.slice(1)}`;
}

export function respondentName(respondents: RespondentSummary[], code: string): string {
  const respondent = respondents.find((r) => r.code === code);
  if (!respondent) return code;
  const heading = respondentHeading(respondent);
  return respondent.label ? `${heading} (${respondent.label})` : heading;
}

export const formatScore = (value: number) =>
  value.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatShare = (value: number) => `${Math.round(value * 100)}%`;
