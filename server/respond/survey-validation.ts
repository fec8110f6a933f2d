import { Model, type Question } from 'survey-core';
import type { QuestionError } from '../../shared/api/respond.js';
import { applyDutchValidationFixes } from './survey-locale.js';

applyDutchValidationFixes();

export type SurveyValidationResult =
  { valid: true; data: Record<string, unknown> } | { valid: false; errors: QuestionError[] };

/**
 * Runs the questionnaire's own rules (required, validators, choices, visibleIf) in Node, as the browser
 * would. On success returns the data to store: values of hidden questions dropped (SurveyJS's
 * `clearInvisibleValues: 'onComplete'`), values that match no choice cleared.
 */
export function validateWithSurvey(
  surveyJson: unknown,
  data: Record<string, unknown>,
): SurveyValidationResult {
  const model = new Model(surveyJson);
  model.locale = 'nl';
  model.data = structuredClone(data);
  model.clearIncorrectValues(true);
  if (!model.validate(true, false)) return { valid: false, errors: collectErrors(model) };
  model.clearInvisibleValues = 'onComplete';
  model.doComplete();
  return { valid: true, data: model.data as Record<string, unknown> };
}

function collectErrors(model: Model): QuestionError[] {
  const errors: QuestionError[] = [];
  for (const question of model.getAllQuestions(false, false, true) as Question[]) {
    for (const error of question.errors) {
      const message = error.getText();
      const container = question.parentQuestion;
      if (container && container.getType() === 'paneldynamic') {
        const panels = (container as unknown as { panels: unknown[] }).panels;
        errors.push({
          question: container.name,
          message,
          panelIndex: panels.indexOf(question.parent),
          panelQuestion: question.name,
        });
      } else {
        errors.push({ question: question.name, message });
      }
    }
  }
  return errors;
}
