import type { RespondentView } from './respond-schemas.js';
import { formatDate } from './format-time.js';

/** Skip link and banner; the h1 says whose questionnaire this is and for which municipality and approach. */
export function RespondentHeader({
  view,
  submitted,
}: {
  view: RespondentView | undefined;
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
              <h1 className="respondent-header__title">
                Vragenlijst voor {view.respondent.organisation} — {view.investigation.municipality}, aanpak{' '}
                {view.investigation.approach}
              </h1>
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
