import { CustomError, type Model, type PanelModel, type Question } from 'survey-core';
import type { QuestionError } from '../../../shared/api/respond.js';

export type ShownError = {
  key: string;
  /** The top-level question the server named: its value changes when any answer inside it changes. */
  questionName: string;
  label: string;
  message: string;
  question: Question | undefined;
  /** Index among the visible pages; -1 when the question is unknown or hidden. */
  pageIndex: number;
};

type PanelDynamicLike = Question & { panels: PanelModel[] };

function hasPanels(question: Question): question is PanelDynamicLike {
  return question.getType() === 'paneldynamic';
}

/** The question an error belongs to: a top-level question or one inside a dynamic panel. */
function locate(model: Model, detail: QuestionError): Omit<ShownError, 'key' | 'message' | 'questionName'> {
  const { panelIndex: index, panelQuestion: field } = detail;
  const top = model.getQuestionByName(detail.question);
  if (!top) return { question: undefined, label: detail.question, pageIndex: -1 };
  // Questions inside a dynamic panel have no page of their own: use the panel question's page.
  const pageIndex = model.visiblePages.findIndex((page) => page === top.page);
  const topLabel = top.processedTitle || top.name;
  if (index !== undefined && field !== undefined && hasPanels(top)) {
    const nested = top.panels[index]?.getQuestionByName(field);
    if (nested) {
      return { question: nested, label: `${topLabel} ${index + 1}: ${nested.processedTitle}`, pageIndex };
    }
  }
  return { question: top, label: topLabel, pageIndex };
}

/**
 * Puts the server's Dutch validation messages at their questions (SurveyJS renders them like its own)
 * and returns them in page order for the summary.
 */
export function showServerErrors(model: Model, details: QuestionError[]): ShownError[] {
  for (const question of model.getAllQuestions(false, false, true)) question.clearErrors();
  const shown = details.map((detail, i): ShownError => {
    const located = locate(model, detail);
    located.question?.addError(new CustomError(detail.message));
    return {
      key: `${detail.question}-${i}`,
      questionName: detail.question,
      message: detail.message,
      ...located,
    };
  });
  const order = (error: ShownError) => (error.pageIndex < 0 ? Number.MAX_SAFE_INTEGER : error.pageIndex);
  return shown.sort((a, b) => order(a) - order(b));
}
