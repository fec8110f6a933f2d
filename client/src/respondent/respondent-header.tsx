import type { RespondSession } from '../../../shared/api/respond.js';
import { formatDate } from './format-time.js';

/** Skip link and banner; the h1 says whose questionnaire this is and for which municipality and approach. */
export function RespondentHeader({
  view,
  submitted,
}: {
  view: RespondSession | undefined;
  submitted: boolean;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        Naar de inhoud
      </a>
      <header className="respondent-header">
        <div className="respondent-header__inner">
          <p className="respondent-header__brand">Samenwerkend Toezicht Jeugd</p>
          {view && (
            <>
              <h1 className="respondent-header__title">{headerTitle(view)}</h1>
              {view.investigation.deadline && !submitted && (
                <p className="respondent-header__deadline">
                  Graag invullen vóór {formatDate(view.investigation.deadline)}
                </p>
              )}
            </>
          )}
        </div>
      </header>
    </>
  );
}

/**
 * "Vragenlijst voor Gemeente Venlo — aanpak Sociale wijkteams" for the municipality itself (its name is
 * already in the organisation), "Vragenlijst voor GGD — gemeente Venlo, aanpak …" for a partner.
 */
export function headerTitle(view: RespondSession): string {
  const { organisation } = view.respondent;
  const { municipality, approach } = view.investigation;
  const namesMunicipality = organisation
    .toLocaleLowerCase('nl')
    .includes(municipality.toLocaleLowerCase('nl'));
  const where = namesMunicipality ? '' : `gemeente ${municipality}, `;
  return `Vragenlijst voor ${organisation} — ${where}aanpak ${approach}`;
}
