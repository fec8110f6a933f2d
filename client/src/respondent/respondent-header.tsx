import type { RespondSession } from '../../../shared/api/respond.js';
import { headerContext, headerTitle } from './header-text.js';

/** Skip link and a compact banner: whose questionnaire, about which approach, and until when. */
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
              <p className="respondent-header__context">
                <span>{headerContext(view)}</span>
                {view.investigation.deadlineText && !submitted && (
                  <span className="respondent-header__deadline">
                    Graag invullen uiterlijk {view.investigation.deadlineText}
                  </span>
                )}
              </p>
            </>
          )}
        </div>
      </header>
    </>
  );
}
