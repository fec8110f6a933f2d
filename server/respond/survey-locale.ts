import { surveyLocalization } from 'survey-core';
import 'survey-core/i18n/dutch';
import { dutchSurveyStrings } from '../../shared/survey-dutch-strings.js';

let applied = false;

/**
 * Patches the global `nl` locale once per process (survey-core keeps locales in a module singleton), with
 * the same strings as the respondent client, so a 422 from the server reads like the browser's message.
 */
export function applyDutchValidationFixes(): void {
  if (applied) return;
  const nl = surveyLocalization.locales['nl'];
  if (!nl) throw new Error('survey-core nl locale is not registered');
  Object.assign(nl, dutchSurveyStrings);
  applied = true;
}
