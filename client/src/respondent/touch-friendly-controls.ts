import {
  ComputedUpdater,
  type Model,
  type PanelModel,
  type QuestionFileModel,
  type QuestionPanelDynamicModel,
} from 'survey-core';

const touchPlaceholder = 'Kies hieronder een bestand om te uploaden.';

/** Phones and tablets: there is nothing to drag a file from, so the drop-zone text would confuse. */
function isTouchDevice(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(pointer: coarse)').matches;
}

/**
 * File questions with words on their buttons: SurveyJS shows only a folder icon once a file was chosen
 * and an eraser icon titled "Wissen" to remove the files, which respondents did not recognise.
 */
export function labelFileActions(question: QuestionFileModel): void {
  question.clearButtonCaption = 'Alle bestanden verwijderen';
  if (isTouchDevice()) question.filePlaceholder = touchPlaceholder;
  const choose = question.actionsContainer.getActionById('sv-file-choose-file');
  const clear = question.actionsContainer.getActionById('sv-file-clean');
  // Its default is a computed "only before a file was chosen": replace the computation, not its result.
  if (choose) choose.showTitle = new ComputedUpdater(() => true) as unknown as boolean;
  if (clear) clear.showTitle = true;
}

/**
 * Dynamic panels: the remove button stays a visible button. SurveyJS's adaptive footer folds it into an
 * unlabelled "⋯" menu when the panel is narrow (every phone).
 */
function keepPanelActionsVisible(panel: PanelModel): void {
  panel.allowAdaptiveActions = false;
}

export function makeControlsTouchFriendly(model: Model): void {
  for (const question of model.getAllQuestions()) {
    if (question.getType() === 'file') labelFileActions(question as QuestionFileModel);
    if (question.getType() === 'paneldynamic') {
      const dynamic = question as QuestionPanelDynamicModel;
      keepPanelActionsVisible(dynamic.template);
      dynamic.panels.forEach(keepPanelActionsVisible);
    }
  }
  model.onDynamicPanelAdded.add((_, options) => keepPanelActionsVisible(options.panel));
}
