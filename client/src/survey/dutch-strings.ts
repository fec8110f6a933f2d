import { surveyLocalization } from 'survey-core';
import 'survey-core/i18n/dutch';
import { dutchSurveyStrings } from '../../../shared/survey-dutch-strings.js';

export { dutchSurveyStrings as dutchStringFixes };

let applied = false;

/** Patches the registered `nl` locale once; later calls are no-ops (the locale object is global). */
export function applyDutchStringFixes(): void {
  if (applied) return;
  const nl = surveyLocalization.locales['nl'];
  if (!nl) throw new Error('survey-core nl locale is not registered');
  Object.assign(nl, dutchSurveyStrings);
  applied = true;
}
