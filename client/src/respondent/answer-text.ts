import type { Model, Question, QuestionPanelDynamicModel } from 'survey-core';

const notAnswered = '(niet ingevuld)';

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

/** SurveyJS display values: text, a list of choice texts, or per dynamic panel an object keyed by title. */
function textOf(shown: unknown, keyTitle: (key: string) => string = (key) => key): string {
  if (isEmpty(shown)) return notAnswered;
  if (Array.isArray(shown)) return shown.map((item) => textOf(item, keyTitle)).join('\n');
  if (typeof shown === 'object' && shown !== null) {
    return Object.entries(shown)
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => `${keyTitle(k)}: ${textOf(v)}`)
      .join('; ');
  }
  if (typeof shown === 'string') return shown;
  if (typeof shown === 'number' || typeof shown === 'boolean') return String(shown);
  return JSON.stringify(shown);
}

/**
 * One answer as the respondent would read it ("Ja", "Gezinnen met schulden, Huisvesting"), for any
 * value of the named question — also a value that is not the question's current one (the other
 * device's answer in a conflict). `name` may be a comment field ("<question>-Comment").
 */
export function answerText(model: Model, name: string, value: unknown): string {
  if (isEmpty(value)) return notAnswered;
  const question = model.getQuestionByName(name);
  if (!question) return textOf(value);
  return textOf(question.getDisplayValue(true, value), panelKeyTitle(question));
}

/** Dynamic panels' display values are keyed by question name; the respondent knows the titles. */
function panelKeyTitle(question: Question): (key: string) => string {
  if (question.getType() !== 'paneldynamic') return (key) => key;
  const template = (question as QuestionPanelDynamicModel).template;
  return (key) => template.getQuestionByName(key)?.processedTitle || key;
}
