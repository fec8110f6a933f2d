import { settings, type Model, type QuestionFileModel } from 'survey-core';
import { createSurveyModel } from '../survey/index.js';
import { attachFileHandlers } from './file-handlers.js';
import { makeControlsTouchFriendly } from './touch-friendly-controls.js';
import type { RespondSession } from '../../../shared/api/respond.js';

/** File questions, found by type so no question name from the questionnaire appears in code. */
export function fileQuestions(model: Model): QuestionFileModel[] {
  return model.getAllQuestions().filter((q): q is QuestionFileModel => q.getType() === 'file');
}

/** The editable model, restored to the saved answers and page (resume from any device). */
export function createRespondentModel(view: RespondSession, token: string): Model {
  const model = createSurveyModel(view.questionnaire.json);
  // The page header already names the questionnaire, organisation and municipality.
  model.showTitle = false;
  // Commit every keystroke so autosave sees it and a closing tab loses nothing.
  model.textUpdateMode = 'onTyping';
  // The server validates on submit (the same SurveyJS rules, run in Node) and its Dutch errors are
  // shown at the questions; respondents can move freely between pages while filling in over days.
  model.validationEnabled = false;
  model.showCompletedPage = false;
  // Our own progress steps (page-progress.tsx) replace SurveyJS's, which ticks every visited page.
  model.showProgressBar = false;
  // Errors at the top of the question's own frame (the stylesheet moves them under the title), not
  // below the input where they would read as belonging to the next question.
  model.questionErrorLocation = 'top';
  for (const question of fileQuestions(model)) {
    question.storeDataAsText = false;
    question.waitForUpload = true;
  }
  makeControlsTouchFriendly(model);
  // Before the data: restoring file answers asks these handlers for the files' links.
  attachFileHandlers(model, token);
  model.data = view.response.data;
  const lastPage = Math.max(0, model.visiblePageCount - 1);
  model.currentPageNo = Math.min(view.response.currentPageNo, lastPage);
  return model;
}

/** A read-only model with every question on one page, for the submitted view and printing. */
export function createAnswersModel(
  view: RespondSession,
  data: Record<string, unknown>,
  token: string,
): Model {
  const model = createSurveyModel(view.questionnaire.json);
  model.showTitle = false;
  model.mode = 'display';
  model.questionsOnPageMode = 'singlePage';
  model.showProgressBar = false;
  for (const question of fileQuestions(model)) question.storeDataAsText = false;
  // Introductions and explanations (html elements) are not answers: leave them out of the record.
  for (const element of model.getAllQuestions()) if (element.getType() === 'html') element.visible = false;
  attachFileHandlers(model, token);
  model.data = data;
  // Read-only answers as text blocks, not fields: a textarea keeps its screen height on paper and cut
  // long answers off after four lines. (Global settings: only display-mode models read them.)
  settings.readOnlyCommentRenderMode = 'div';
  settings.readOnlyTextRenderMode = 'div';
  // Optional questions left empty say nothing on paper: marked here, left out by the print stylesheet.
  model.onAfterRenderQuestion.add((_, options) => {
    const { question, htmlElement } = options;
    htmlElement.classList.toggle('answers__unanswered', question.isEmpty() && !question.isRequired);
  });
  return model;
}
