export type InvestigationForm = { municipality: string; approach: string; year: string; deadline: string };
export type InvestigationErrors = Partial<Record<keyof InvestigationForm, string>>;

/** Checks the create form before it is sent, with the same limits as the server (1–200 characters, 2000–2100). */
export function validateInvestigation(form: InvestigationForm, today = new Date()): InvestigationErrors {
  const errors: InvestigationErrors = {};
  const municipality = form.municipality.trim();
  const approach = form.approach.trim();
  if (!municipality) errors.municipality = 'Vul de naam van de gemeente in.';
  else if (municipality.length > 200) errors.municipality = 'Gebruik ten hoogste 200 tekens.';
  if (!approach) errors.approach = 'Vul de naam van de aanpak in.';
  else if (approach.length > 200) errors.approach = 'Gebruik ten hoogste 200 tekens.';
  const year = Number(form.year);
  if (!form.year.trim()) errors.year = 'Vul het jaar van het onderzoek in.';
  else if (!/^\d{4}$/.test(form.year.trim()) || year < 2000 || year > 2100)
    errors.year = 'Vul een jaartal in tussen 2000 en 2100, bijvoorbeeld 2026.';
  if (form.deadline) {
    const deadline = new Date(`${form.deadline}T23:59:59`);
    const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate());
    if (Number.isNaN(deadline.getTime())) errors.deadline = 'Vul een geldige datum in.';
    else if (deadline < startOfToday)
      errors.deadline = 'De deadline ligt in het verleden. Kies een latere datum.';
  }
  return errors;
}
