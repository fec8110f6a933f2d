import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { loadPreviewQuestionnaire, type PreviewResult } from './preview-api.js';
import './preview.css';

// SurveyJS (about 1 MB) is fetched in its own chunk, only when a preview is opened.
const PreviewSurvey = lazy(() => import('./preview-survey.js'));

type State = { kind: 'loading' } | PreviewResult;

function Loading() {
  return (
    <p role="status" className="preview-status">
      De vragenlijst wordt geladen…
    </p>
  );
}

/** `/voorbeeld/:questionnaireId`: a questionnaire to read and print; nothing can be filled in or saved. */
export function QuestionnairePreviewPage() {
  const { questionnaireId = '' } = useParams();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    loadPreviewQuestionnaire(questionnaireId, controller.signal).then(setState, () => undefined);
    return () => controller.abort();
  }, [questionnaireId]);

  const title = state.kind === 'ok' ? questionnaireTitle(state.questionnaire.json) : 'Vragenlijst';
  useEffect(() => {
    document.title = `Voorbeeld: ${title} — Samenwerkend Toezicht Jeugd`;
  }, [title]);

  if (state.kind === 'not_found' || state.kind === 'failed') {
    return (
      <main className="page" id="main">
        <h1>
          {state.kind === 'not_found'
            ? 'Vragenlijst niet gevonden'
            : 'De vragenlijst kon niet worden geladen'}
        </h1>
        <p>
          {state.kind === 'not_found'
            ? 'Deze vragenlijst bestaat niet. Controleer het adres.'
            : 'Probeer het later opnieuw. Blijft het probleem bestaan, neem dan contact op met de inspecteur.'}
        </p>
        <p>
          <Link to="/">Naar de startpagina</Link>
        </p>
      </main>
    );
  }

  return (
    <main className="preview-page" id="main">
      <header className="preview-intro">
        <p className="preview-intro__label">Voorbeeld — Samenwerkend Toezicht Jeugd</p>
        <h1 className="preview-intro__title">{title}</h1>
        <p className="preview-intro__text">
          Hier kunt u de vragenlijst lezen of afdrukken voordat u hem invult. U kunt op deze pagina niets
          invullen en er wordt niets opgeslagen. Invullen doet u via de persoonlijke link in uw uitnodiging.
        </p>
        <button type="button" className="preview-intro__print" onClick={() => window.print()}>
          Afdrukken
        </button>
      </header>
      {state.kind === 'loading' ? (
        <Loading />
      ) : (
        <Suspense fallback={<Loading />}>
          <PreviewSurvey json={state.questionnaire.json} />
        </Suspense>
      )}
    </main>
  );
}

function questionnaireTitle(json: Record<string, unknown>): string {
  return typeof json.title === 'string' && json.title.trim() ? json.title : 'Vragenlijst';
}
