const reasons: Record<string, string> = {
  already_created: 'al toegevoegd',
  no_email: 'geen e-mailadres',
  not_found: 'niet meer in de antwoorden van de gemeente',
  respondent_limit: 'het maximum van drie netwerkpartners is bereikt',
};

/**
 * "2 netwerkpartners zijn toegevoegd en uitgenodigd per e-mail. 1 overgeslagen: geen e-mailadres."
 * Reads only the counts and reasons of a ConfirmNominationsReply (shared/api/nominations.ts).
 */
export function nominationOutcome(result: {
  created: readonly unknown[];
  skipped: readonly { reason: string }[];
}): string {
  const created = result.created.length;
  const text =
    created === 0
      ? 'Er is geen netwerkpartner toegevoegd.'
      : `${created} ${created === 1 ? 'netwerkpartner is' : 'netwerkpartners zijn'} toegevoegd en uitgenodigd per e-mail.`;
  if (result.skipped.length === 0) return text;
  const why = [...new Set(result.skipped.map((s) => reasons[s.reason] ?? s.reason))].join('; ');
  return `${text} ${result.skipped.length} overgeslagen: ${why}.`;
}
