/** Dutch texts used across the app; page-specific copy lives next to its page. */
export const nl = {
  appName: 'Samenwerkend Toezicht Jeugd',
  appSubtitle: 'Vragenlijsten GGSR',
  loading: 'Bezig met laden…',
  retry: 'Opnieuw proberen',
  cancel: 'Annuleren',
  close: 'Sluiten',
  copy: 'Kopiëren',
  copied: 'Gekopieerd',
  copyFailed: 'Kopiëren lukte niet; selecteer de tekst en kopieer met Ctrl+C.',
  save: 'Opslaan',
  required: 'verplicht',
  optional: 'optioneel',
} as const;

/**
 * Dutch explanations for the API's stable error codes. The server's own messages are English (for
 * logs and tooling), so the client decides what an inspector reads.
 */
export const errorTexts: Record<string, string> = {
  network_error: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
  invalid_credentials: 'Het e-mailadres of wachtwoord klopt niet.',
  invalid_totp: 'De code uit uw authenticator-app klopt niet of is verlopen. Probeer de volgende code.',
  totp_invalid: 'De code uit uw authenticator-app klopt niet of is verlopen. Probeer de volgende code.',
  account_locked:
    'Te veel mislukte pogingen. Dit account is tijdelijk geblokkeerd; probeer het over een kwartier opnieuw.',
  account_disabled: 'Dit account is niet actief. Neem contact op met een beheerder.',
  too_many_requests: 'Te veel pogingen. Wacht een paar minuten en probeer het dan opnieuw.',
  rate_limited: 'Te veel pogingen. Wacht een paar minuten en probeer het dan opnieuw.',
  respondent_limit:
    'Dit onderzoek heeft al het maximale aantal respondenten van dit soort: één gemeente en ten hoogste drie netwerkpartners.',
  invalid_body: 'Niet alle velden zijn goed ingevuld. Controleer de invoer.',
  forbidden: 'U heeft geen toegang tot deze functie.',
  csrf_failed: 'Uw sessie is verlopen of niet meer geldig. Laad de pagina opnieuw.',
  self_change: 'U kunt uw eigen account niet deactiveren en uw eigen rol niet wijzigen.',
  weak_password: 'Het wachtwoord moet ten minste 12 tekens hebben.',
  user_not_found: 'Dit account bestaat niet (meer).',
  already_submitted: 'Deze respondent heeft de vragenlijst al ingediend.',
  not_submitted: 'Deze vragenlijst is nog niet ingediend, dus heropenen is niet nodig.',
  unauthenticated: 'U bent niet (meer) ingelogd. Log opnieuw in.',
  investigation_not_found: 'Dit onderzoek bestaat niet (meer).',
  respondent_not_found: 'Deze respondent bestaat niet (meer).',
  not_found: 'Dit onderdeel bestaat niet (meer).',
  email_taken: 'Er bestaat al een account met dit e-mailadres.',
  user_exists: 'Er bestaat al een account met dit e-mailadres.',
  last_admin: 'Er moet ten minste één actieve beheerder overblijven.',
  unexpected_response: 'De server gaf een onverwacht antwoord. Probeer het opnieuw of meld het probleem.',
};
