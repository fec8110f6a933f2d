import type { FrameworkOutline } from '../../shared/api/review.js';
import type { Framework } from '../framework/framework.schema.js';
import { isRecord, walkSurveyQuestions } from '../framework/survey-json.js';
import type { QuestionnaireCatalog } from '../respond/questionnaire-catalog.js';

/**
 * The framework as the review page shows it: themes → criteria → indicators, each indicator with its
 * questions titled as the respondents read them. A question asked of several roles takes the title of
 * the first questionnaire that has it (the framework's order); without one, its name stands in.
 */
export function buildFrameworkOutline(
  framework: Framework,
  questionnaireJsons: readonly unknown[],
): FrameworkOutline {
  const titles = questionTitles(questionnaireJsons);
  return {
    id: framework.id,
    title: framework.title,
    themes: framework.themes.map((theme) => ({
      id: theme.id,
      title: theme.title,
      description: theme.description,
      criteria: theme.criteria.map((criterion) => ({
        id: criterion.id,
        title: criterion.title,
        indicators: criterion.indicators.map((indicator) => ({
          id: indicator.id,
          text: indicator.text,
          questions: indicator.questions.map((question) => ({
            name: question.name,
            title: titles.get(question.name) ?? question.name,
            kind: question.kind,
          })),
        })),
      })),
    })),
  };
}

/** The current SurveyJS JSON of each questionnaire the framework declares, in the framework's order. */
export function currentQuestionnaireJsons(catalog: QuestionnaireCatalog): unknown[] {
  const roles = [...new Set(catalog.framework.questionnaires.map((q) => q.role))];
  return roles.flatMap((role) => {
    const json = catalog.currentFor(role)?.json;
    return json ? [json] : [];
  });
}

function questionTitles(questionnaireJsons: readonly unknown[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const json of questionnaireJsons) {
    for (const question of walkSurveyQuestions(json)) {
      // Questions inside a dynamic panel repeat per item; an indicator's question is top-level.
      if (question.dynamicPanel !== undefined || titles.has(question.name)) continue;
      const title = dutchText(question.json.title);
      if (title) titles.set(question.name, title);
    }
  }
  return titles;
}

/** SurveyJS texts are a string or a per-locale object; the questionnaires are Dutch. */
function dutchText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (!isRecord(value)) return undefined;
  for (const key of ['nl', 'default']) {
    const text = value[key];
    if (typeof text === 'string' && text.trim()) return text.trim();
  }
  return Object.values(value).find((text): text is string => typeof text === 'string' && !!text.trim());
}
