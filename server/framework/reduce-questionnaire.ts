import type { Framework } from './framework.schema.js';
import { isRecord, walkSurveyElements, type SurveyElementJson } from './survey-json.js';

/** Element types that show content but hold no answer; they follow the questions around them. */
const DISPLAY_TYPES = new Set(['html', 'image', 'expression']);
/** Element properties holding a SurveyJS condition that may name other questions as `{name}`. */
const CONDITION_KEYS = ['visibleIf', 'enableIf', 'requiredIf'] as const;

/**
 * A questionnaire reduced to the questions a follow-up round asks again: the questions of the scoped
 * indicators with their "Toelichting" companions, and the context questions (approach, organisation,
 * documents, partner nominations — a follow-up needs its partners named again). Pages that only show
 * text (the welcome page) stay; a page or panel left without questions disappears with its texts.
 *
 * Conditions keep working: a kept question whose `visibleIf`/`enableIf`/`requiredIf` names a question
 * outside the scope pulls that question in too, so a dependent question is never hidden for good because
 * its parent was dropped (in the GGSR questionnaires parent and child always share an indicator).
 * Pure: the input JSON is not changed. `null` scope returns the questionnaire as it is.
 */
export function reduceQuestionnaire(
  surveyJson: SurveyElementJson,
  framework: Framework,
  indicatorIds: readonly string[] | null,
): SurveyElementJson {
  if (indicatorIds === null) return surveyJson;
  const keep = scopedQuestionNames(framework, indicatorIds);
  const present = new Set(walkSurveyElements(surveyJson).map((element) => element.name));
  const followUpJson = forFollowUpRound(surveyJson, framework);

  // Close over condition references until nothing new is pulled in (each round only adds names).
  for (;;) {
    const reduced = reduceSurvey(followUpJson, keep);
    const missing = referencedNames(reduced).filter((name) => present.has(name) && !keep.has(name));
    if (missing.length === 0) return reduced;
    for (const name of missing) keep.add(name);
  }
}

/** The answer keys a follow-up asks: scoped indicator questions (+ explanations) and context questions. */
export function scopedQuestionNames(framework: Framework, indicatorIds: readonly string[]): Set<string> {
  const wanted = new Set(indicatorIds);
  const names = new Set(framework.context.questions.map((question) => question.name));
  for (const theme of framework.themes) {
    for (const criterion of theme.criteria) {
      for (const indicator of criterion.indicators) {
        if (!wanted.has(indicator.id)) continue;
        for (const question of indicator.questions) {
          names.add(question.name);
          if (framework.explanationSuffix) names.add(`${question.name}${framework.explanationSuffix}`);
        }
      }
    }
  }
  return names;
}

/**
 * The survey with the framework's `followUpVariable` set, as a calculated value SurveyJS evaluates itself;
 * the questionnaire JSON decides what changes with it (docs/questionnaires.md).
 */
export function forFollowUpRound(surveyJson: SurveyElementJson, framework: Framework): SurveyElementJson {
  if (!framework.followUpVariable) return surveyJson;
  const existing = Array.isArray(surveyJson.calculatedValues) ? surveyJson.calculatedValues : [];
  return {
    ...surveyJson,
    calculatedValues: [...existing, { name: framework.followUpVariable, expression: 'true' }],
  };
}

function reduceSurvey(surveyJson: SurveyElementJson, keep: ReadonlySet<string>): SurveyElementJson {
  if (!Array.isArray(surveyJson.pages)) {
    const elements = reduceContainer(surveyJson, keep);
    return { ...surveyJson, elements: elements ?? [] };
  }
  const pages = surveyJson.pages.filter(isRecord).flatMap((page) => {
    const elements = reduceContainer(page, keep);
    return elements ? [{ ...page, elements }] : [];
  });
  return { ...surveyJson, pages };
}

/**
 * The kept elements of a page or panel, or null when the container should go. A container that never
 * held a question (an intro page) is kept as it is; one whose questions were all dropped goes.
 */
function reduceContainer(
  container: SurveyElementJson,
  keep: ReadonlySet<string>,
): SurveyElementJson[] | null {
  const elements = Array.isArray(container.elements) ? container.elements.filter(isRecord) : [];
  if (elements.every(isDisplayOnly)) return elements;
  const kept: SurveyElementJson[] = [];
  let questions = 0;
  for (const element of elements) {
    if (isDisplayOnly(element)) {
      kept.push(element);
    } else if (typeOf(element) === 'panel') {
      const children = reduceContainer(element, keep);
      if (children && children.some((child) => !isDisplayOnly(child))) {
        kept.push({ ...element, elements: children });
        questions += 1;
      }
    } else if (typeof element.name === 'string' && keep.has(element.name)) {
      // Questions (dynamic panels included) are kept whole: their inner structure is one answer.
      kept.push(element);
      questions += 1;
    }
  }
  return questions > 0 ? kept : null;
}

function isDisplayOnly(element: SurveyElementJson): boolean {
  if (typeOf(element) === 'panel') {
    const children = Array.isArray(element.elements) ? element.elements.filter(isRecord) : [];
    return children.every(isDisplayOnly);
  }
  return DISPLAY_TYPES.has(typeOf(element));
}

function typeOf(element: SurveyElementJson): string {
  return typeof element.type === 'string' ? element.type.toLowerCase() : '';
}

/** Question names used in the conditions of the survey's pages, panels and questions. */
function referencedNames(surveyJson: SurveyElementJson): string[] {
  const containers = Array.isArray(surveyJson.pages) ? surveyJson.pages.filter(isRecord) : [];
  const elements = [...containers, ...walkSurveyElements(surveyJson).map((element) => element.json)];
  const names = new Set<string>();
  for (const element of elements) {
    for (const key of CONDITION_KEYS) {
      const condition = element[key];
      if (typeof condition !== 'string') continue;
      // `{name}`, `{name.prop}` and `{panel[0].name}` all start with the top-level question name.
      for (const match of condition.matchAll(/\{\s*([A-Za-z_][\w-]*)/g)) {
        if (match[1]) names.add(match[1]);
      }
    }
  }
  return [...names];
}
