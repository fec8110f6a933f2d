import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { Answers } from './answers.js';
import { LinkProblem, type LinkProblemKind } from './link-problem.js';
import { loadRespondentView } from './respond-api.js';
import type { RespondSession } from '../../../shared/api/respond.js';
import { RespondentHeader } from './respondent-header.js';
import './respondent.css';

// SurveyJS (≈ 1 MB of JavaScript) lives in its own chunks, fetched only on this route.
const RespondentForm = lazy(() =>
  import('./respondent-form.js').then((m) => ({ default: m.RespondentForm })),
);
const SubmittedView = lazy(() => import('./submitted-view.js').then((m) => ({ default: m.SubmittedView })));

type Submitted = { data: Answers; submittedAt: string | undefined; justSubmitted: boolean };
type PageState =
  | { kind: 'loading' }
  | { kind: LinkProblemKind }
  | { kind: 'ready'; view: RespondSession; submitted: Submitted | null };

function Loading() {
  return (
    <p role="status" className="respondent-loading">
      De vragenlijst wordt geladen…
    </p>
  );
}

/** `/v/:token`: the personal questionnaire link. */
export function RespondentPage() {
  const { token = '' } = useParams();
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [loadCount, setLoadCount] = useState(0);

  useEffect(() => {
    let current = true;
    void loadRespondentView(token).then((result) => {
      if (!current) return;
      if (result.kind !== 'ok') return setState({ kind: result.kind });
      const { view } = result;
      const submitted =
        view.response.status === 'ingediend'
          ? {
              data: view.response.data,
              submittedAt: view.response.submittedAt ?? undefined,
              justSubmitted: false,
            }
          : null;
      document.title = `Vragenlijst ${view.investigation.municipality} — Samenwerkend Toezicht Jeugd`;
      setState({ kind: 'ready', view, submitted });
    });
    return () => {
      current = false;
    };
  }, [token, loadCount]);

  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setLoadCount((n) => n + 1);
  }, []);

  const onSubmitted = useCallback((submittedAt: string, data: Answers) => {
    setState((s) =>
      s.kind === 'ready' ? { ...s, submitted: { data, submittedAt, justSubmitted: true } } : s,
    );
  }, []);

  const view = state.kind === 'ready' ? state.view : undefined;
  return (
    <>
      <RespondentHeader view={view} submitted={state.kind === 'ready' && state.submitted !== null} />
      <main id="main" tabIndex={-1} className="respondent-main">
        {state.kind === 'loading' && <Loading />}
        {(state.kind === 'link_invalid' || state.kind === 'throttled' || state.kind === 'unavailable') && (
          <div className="page-card">
            <LinkProblem kind={state.kind} onRetry={reload} />
          </div>
        )}
        {state.kind === 'ready' && (
          <Suspense fallback={<Loading />}>
            {state.submitted ? (
              <SubmittedView token={token} view={state.view} {...state.submitted} />
            ) : (
              <RespondentForm token={token} view={state.view} onSubmitted={onSubmitted} onReload={reload} />
            )}
          </Suspense>
        )}
      </main>
    </>
  );
}
