import type { Model, PageModel } from 'survey-core';

/**
 * `done`: nothing left to fix on the page (its required questions answered, its answers valid);
 * `open`: not yet; `error`: not yet, and a submit was refused, so the respondent is told where to look.
 */
export type StepState = 'done' | 'open' | 'error';

export type PageStep = {
  /** Index among the visible pages: what `model.currentPageNo` takes. */
  pageIndex: number;
  /** 1-based among the steps (the welcome page is not one). */
  number: number;
  title: string;
  state: StepState;
  current: boolean;
};

/** A page with nothing to answer (the welcome text) is not a step of the questionnaire. */
function asksSomething(page: PageModel): boolean {
  return page.questions.some((question) => question.isVisible && question.hasInput);
}

/**
 * The progress steps. A page counts as done only when SurveyJS's own rules pass on it, checked silently
 * (`validate(false)` shows nothing at the questions): a visited page with empty required questions is
 * not done. `errorPages` are pages the server named in a refused submit; `submitRefused` turns every
 * unfinished page into an error step.
 */
export function pageSteps(
  model: Model,
  { submitRefused, errorPages }: { submitRefused: boolean; errorPages: ReadonlySet<number> },
): PageStep[] {
  const steps: PageStep[] = [];
  model.visiblePages.forEach((page, pageIndex) => {
    if (!asksSomething(page)) return;
    const valid = page.validate(false) && !errorPages.has(pageIndex);
    const state: StepState = valid ? 'done' : submitRefused ? 'error' : 'open';
    steps.push({
      pageIndex,
      number: steps.length + 1,
      title: page.renderedNavigationTitle || page.processedTitle || page.name,
      state,
      current: pageIndex === model.currentPageNo,
    });
  });
  return steps;
}
