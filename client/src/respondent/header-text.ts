import type { RespondSession } from '../../../shared/api/respond.js';

/**
 * The h1: "Vragenlijst voor Gemeente Venlo", or "Vragenlijst voor GGD Limburg-Noord" for a partner. The
 * approach goes on its own line (`headerContext`): put in one sentence it read as "… — aanpak
 * Integrale aanpak multiprobleemgezinnen" and took four lines on a phone.
 */
export function headerTitle(view: RespondSession): string {
  return `Vragenlijst voor ${view.respondent.organisation}`;
}

/** "Aanpak: Sociale wijkteams"; a name that already starts with "aanpak" is shown as it is. */
export function approachLabel(approach: string): string {
  return /^aanpak\b/i.test(approach.trim()) ? approach.trim() : `Aanpak: ${approach.trim()}`;
}

/**
 * The line under the h1: the approach, preceded by the municipality when the organisation's name does
 * not already say it (a partner such as the GGD answers about one municipality's approach).
 */
export function headerContext(view: RespondSession): string {
  const { organisation } = view.respondent;
  const { municipality, approach } = view.investigation;
  const namesMunicipality = organisation
    .toLocaleLowerCase('nl')
    .includes(municipality.toLocaleLowerCase('nl'));
  const label = approachLabel(approach);
  return namesMunicipality ? label : `Gemeente ${municipality} · ${label}`;
}
