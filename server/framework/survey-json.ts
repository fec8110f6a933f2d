/**
 * Pure helpers over SurveyJS JSON (no survey-core import): the loader, the archive and the analysis need to
 * find questions by name without building a model.
 */

export type SurveyElementJson = Record<string, unknown>;

export type WalkedElement = {
  /** The element's `name` ('' when missing). */
  name: string;
  /** SurveyJS type (`radiogroup`, `panel`, `paneldynamic`, …), lower-cased. */
  type: string;
  json: SurveyElementJson;
  /** Name of the page the element is on ('' for a page-less survey). */
  page: string;
  /**
   * Name of the enclosing dynamic panel, if any. Such questions answer inside the panel's array value, not
   * as a top-level key of the response data, so they do not clash with top-level names.
   */
  dynamicPanel?: string;
};

/** Element types that hold no answer. */
const DISPLAY_ONLY_TYPES = new Set(['html', 'image', 'panel', 'page']);

export function isRecord(value: unknown): value is SurveyElementJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function elementsOf(
  container: SurveyElementJson,
  key: 'elements' | 'questions' | 'templateElements',
): unknown[] {
  const value = container[key];
  return Array.isArray(value) ? value : [];
}

/**
 * Every element of a survey in document order: pages → elements → panels → nested elements, including the
 * template elements of dynamic panels. Accepts both the `pages` form and the page-less `elements` form.
 */
export function walkSurveyElements(surveyJson: unknown): WalkedElement[] {
  if (!isRecord(surveyJson)) return [];
  const pages = Array.isArray(surveyJson.pages) ? surveyJson.pages : [surveyJson];
  const found: WalkedElement[] = [];

  const visit = (element: unknown, page: string, dynamicPanel: string | undefined): void => {
    if (!isRecord(element)) return;
    const type = typeof element.type === 'string' ? element.type.toLowerCase() : '';
    const name = typeof element.name === 'string' ? element.name : '';
    found.push({ name, type, json: element, page, ...(dynamicPanel === undefined ? {} : { dynamicPanel }) });
    for (const child of [...elementsOf(element, 'elements'), ...elementsOf(element, 'questions')]) {
      visit(child, page, dynamicPanel);
    }
    if (type === 'paneldynamic') {
      for (const child of elementsOf(element, 'templateElements')) visit(child, page, name);
    }
  };

  for (const page of pages) {
    if (!isRecord(page)) continue;
    const pageName = page === surveyJson || typeof page.name !== 'string' ? '' : page.name;
    for (const element of [...elementsOf(page, 'elements'), ...elementsOf(page, 'questions')]) {
      visit(element, pageName, undefined);
    }
  }
  return found;
}

/** Elements that hold an answer (not panels or html). */
export function walkSurveyQuestions(surveyJson: unknown): WalkedElement[] {
  return walkSurveyElements(surveyJson).filter((element) => !DISPLAY_ONLY_TYPES.has(element.type));
}

/** Questions whose answer is a top-level key of the response data (not inside a dynamic panel). */
export function topLevelQuestions(surveyJson: unknown): WalkedElement[] {
  return walkSurveyQuestions(surveyJson).filter((question) => question.dynamicPanel === undefined);
}

/** The values of a select question's `choices` (string items or `{value, text}` items). */
export function choiceValues(question: SurveyElementJson): string[] {
  const choices = Array.isArray(question.choices) ? question.choices : [];
  return choices.map((choice) => {
    if (isRecord(choice)) return String(choice.value);
    return String(choice);
  });
}

/** The questions of a dynamic panel's template. */
export function templateQuestions(surveyJson: unknown, panelName: string): WalkedElement[] {
  return walkSurveyQuestions(surveyJson).filter((question) => question.dynamicPanel === panelName);
}
