/**
 * Corrections to survey-core 3.0.0's `nl` strings, used by the browser (what respondents see) and by the
 * server (the Dutch messages of a 422 on submit), so both say the same thing. Some built-in strings are
 * wrong (`numericMax` says "greater or equal"), untranslated (`panelDynamicProgressText` is
 * "Record {0} of {1}"), Flemish ("Gelieve …") or informal ("je") where the inspectorate addresses
 * respondents formally ("u").
 */
export const dutchSurveyStrings: Readonly<Record<string, string>> = {
  panelDynamicProgressText: '{0} van {1}',
  numericMax: "'{0}' mag niet groter zijn dan {1}.",
  numericMin: "'{0}' mag niet kleiner zijn dan {1}.",
  numericMinMax: "'{0}' moet tussen {1} en {2} liggen.",
  requiredError: 'Beantwoord deze vraag.',
  requiredErrorInPanel: 'Beantwoord ten minste één vraag.',
  requiredInAllRowsError: 'Geef in elke rij een antwoord.',
  otherItemText: 'Anders, namelijk',
  otherRequiredError: "Vul bij 'Anders, namelijk' in wat u bedoelt.",
  completingSurveyBefore: 'U heeft deze vragenlijst al ingevuld.',
  loadingSurvey: 'De vragenlijst wordt geladen…',
  textMinLength: 'Vul minstens {0} tekens in.',
  textMaxLength: 'Gebruik niet meer dan {0} tekens.',
  textMinMaxLength: 'Vul minstens {0} en hoogstens {1} tekens in.',
  minRowCountError: 'Vul minstens {0} rijen in.',
  minSelectError: 'Kies minstens {0} antwoorden.',
  maxSelectError: 'Kies hoogstens {0} antwoorden.',
  invalidEmail: 'Vul een geldig e-mailadres in.',
  numericError: 'Vul een getal in.',
  urlRequestError: "Het verzoek gaf de fout '{0}'. {1}",
  exceedMaxSize: 'Het bestand mag niet groter zijn dan {0}.',
  exceedMaxFiles: 'U kunt hoogstens {0} bestanden toevoegen.',
  uploadingFile: 'Uw bestand wordt nog geüpload. Wacht enkele seconden en probeer het dan opnieuw.',
  chooseFileCaption: 'Bestand kiezen',
  filePlaceholder: 'Sleep een bestand hierheen of kies hieronder een bestand om te uploaden.',
  confirmDelete: 'Weet u zeker dat u deze gegevens wilt verwijderen?',
  confirmRemoveFile: 'Weet u zeker dat u dit bestand wilt verwijderen: {0}?',
  confirmRemoveAllFiles: 'Weet u zeker dat u alle bestanden wilt verwijderen?',
  selectAllItemText: 'Alles selecteren',
  questionsProgressText: '{0} van {1} vragen beantwoord',
  editText: 'Bewerken',
  removePanel: 'Verwijderen',
  addPanel: 'Toevoegen',
  clearCaption: 'Wissen',
  noEntriesText: 'Nog niets toegevoegd.\nKlik op de knop hieronder om iets toe te voegen.',
  noEntriesReadonlyText: 'Niets ingevuld',
  savingData: 'De antwoorden worden opgeslagen…',
  savingDataError: 'Er ging iets mis: de antwoorden zijn niet opgeslagen.',
  savingDataSuccess: 'De antwoorden zijn opgeslagen.',
  timerMin: 'min',
};
