/**
 * Dutch wording for the audit log's action codes (docs/inspector-api.md, "Audit"). Every code the server
 * writes needs one: tests/unit/inspector/audit-labels.test.ts reads them from the server source.
 */
export const auditActionLabels: Readonly<Record<string, string>> = {
  login: 'Ingelogd',
  login_failed: 'Mislukte inlogpoging',
  logout: 'Uitgelogd',
  password_reset_requested: 'Wachtwoordherstel aangevraagd',
  password_reset: 'Wachtwoord hersteld',
  totp_enabled: 'Tweestapsverificatie aangezet',
  totp_disabled: 'Tweestapsverificatie uitgezet',
  recovery_code_used: 'Herstelcode gebruikt',
  demo_seeded: 'Demo-onderzoek aangemaakt',
  user_created: 'Account aangemaakt',
  user_updated: 'Account gewijzigd',
  user_totp_reset: 'Tweestapsverificatie gereset',
  investigation_created: 'Onderzoek aangemaakt',
  investigation_updated: 'Onderzoek gewijzigd',
  respondent_created: 'Respondent toegevoegd',
  respondent_invited: 'Uitnodiging verstuurd',
  respondent_reminded: 'Herinnering verstuurd',
  link_reissued: 'Nieuwe link gemaakt',
  respondent_revoked: 'Link ingetrokken',
  response_reopened: 'Vragenlijst heropend',
  nominations_confirmed: 'Voorgedragen netwerkpartners bevestigd',
  response_submitted: 'Vragenlijst ingediend',
  document_downloaded: 'Document gedownload',
  'investigation.follow_up_created': 'Vervolgonderzoek aangemaakt',
  'judgment.updated': 'Oordeel gewijzigd',
  'conclusion.updated': 'Conclusie gewijzigd',
  'follow_up_narrative.updated': 'Tekst ‘Ontwikkeling’ gewijzigd',
  'factsheet.published': 'Factsheet gepubliceerd',
};

/** An unknown code (a newer server) still reads as words rather than a raw identifier. */
export const auditActionLabel = (action: string): string =>
  auditActionLabels[action] ?? action.replaceAll(/[_.]/g, ' ');
