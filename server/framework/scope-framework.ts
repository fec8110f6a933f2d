import type { Framework } from './framework.schema.js';

/**
 * The framework narrowed to some indicators, as a follow-up round sees it: themes and criteria keep
 * their order, and those left without indicators disappear. The analysis, the review page and the
 * follow-up report all work on this view, so an indicator that was not asked again is never reported
 * as missing. Unknown ids are ignored; `null` means the whole framework (a baseline investigation).
 */
export function scopeFramework(framework: Framework, indicatorIds: readonly string[] | null): Framework {
  if (indicatorIds === null) return framework;
  const wanted = new Set(indicatorIds);
  const themes = framework.themes
    .map((theme) => ({
      ...theme,
      criteria: theme.criteria
        .map((criterion) => ({
          ...criterion,
          indicators: criterion.indicators.filter((indicator) => wanted.has(indicator.id)),
        }))
        .filter((criterion) => criterion.indicators.length > 0),
    }))
    .filter((theme) => theme.criteria.length > 0);
  return { ...framework, themes };
}
