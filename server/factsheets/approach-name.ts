import type { AnswerSet } from '../../shared/analysis/analysis-input.js';
import type { Framework } from '../framework/framework.schema.js';

/**
 * What the municipality called its approach in its submitted answers (framework binding
 * `approachName`), or null when it has not submitted, the framework binds no such question, or the
 * answer is empty. Drafts never count: a half-typed name must not reach the inspector as "named".
 */
export function municipalityApproachName(
  framework: Framework,
  answerSets: readonly AnswerSet[],
): string | null {
  const question = framework.context.bindings.approachName;
  const gemeente = answerSets.find((set) => set.role === 'gemeente' && set.status === 'ingediend');
  const value = question ? gemeente?.data[question] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The municipality's own name for the approach when it differs from the investigation's, for the
 * factsheet page to show next to it; null when they are the same apart from case and spacing.
 */
export function differingApproachName(investigationApproach: string, named: string | null): string | null {
  if (named === null) return null;
  const same = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl-NL');
  return same(named) === same(investigationApproach) ? null : named;
}
