import { surveyLocalization } from 'survey-core';
import 'survey-core/i18n/dutch';

/**
 * survey-core 3.0.0's `nl` validation messages that are wrong (`numericMax` says "groter of gelijk"),
 * untranslated (`panelDynamicProgressText`), Flemish ("Gelieve …") or vague. Same wording as the
 * respondent client (client/src/survey/dutch-strings.ts), so a 422 from the server reads like the
 * message the browser would have shown.
 */
const dutchValidationFixes: Readonly<Record<string, string>> = {
  panelDynamicProgressText: '{0} van {1}',
  numericMax: "'{0}' mag niet groter zijn dan {1}.",
  numericMin: "'{0}' mag niet kleiner zijn dan {1}.",
  numericMinMax: "'{0}' moet tussen {1} en {2} liggen.",
  requiredError: 'Beantwoord deze vraag.',
  requiredErrorInPanel: 'Beantwoord ten minste één vraag.',
  requiredInAllRowsError: 'Geef in elke rij een antwoord.',
  otherRequiredError: "Vul bij 'Anders, namelijk' in wat u bedoelt.",
  otherItemText: 'Anders, namelijk',
  textMinLength: 'Vul minstens {0} tekens in.',
  textMaxLength: 'Gebruik niet meer dan {0} tekens.',
  textMinMaxLength: 'Vul minstens {0} en hoogstens {1} tekens in.',
  minRowCountError: 'Vul minstens {0} rijen in.',
  minSelectError: 'Kies minstens {0} antwoorden.',
  maxSelectError: 'Kies hoogstens {0} antwoorden.',
  invalidEmail: 'Vul een geldig e-mailadres in.',
  numericError: 'Vul een getal in.',
  exceedMaxSize: 'Het bestand mag niet groter zijn dan {0}.',
  exceedMaxFiles: 'U kunt hoogstens {0} bestanden toevoegen.',
};

let applied = false;

/** Patches the global `nl` locale once per process (survey-core keeps locales in a module singleton). */
export function applyDutchValidationFixes(): void {
  if (applied) return;
  const nl = surveyLocalization.locales['nl'];
  if (!nl) throw new Error('survey-core nl locale is not registered');
  Object.assign(nl, dutchValidationFixes);
  applied = true;
}
