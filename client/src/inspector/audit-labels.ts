/** Dutch wording for the audit log's action codes (docs/inspector-api.md, "Audit"). */
const labels: Record<string, string> = {
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
};

export const auditActionLabel = (action: string): string => labels[action] ?? action.replaceAll('_', ' ');
