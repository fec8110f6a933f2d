import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Answers } from './answers.js';
import { answerText } from './answer-text.js';
import { ConflictNotice } from './conflict-notice.js';
import { createRespondentModel } from './create-respondent-model.js';
import { ErrorSummary } from './error-summary.js';
import { revalidateErrors } from './error-summary-state.js';
import { PageProgress } from './page-progress.js';
import type { RespondSession } from '../../../shared/api/respond.js';
import { SaveStatus } from './save-status.js';
import type { ShownError } from './server-errors.js';
import { SurveyView } from './survey-view.js';
import { useAutosave } from './use-autosave.js';
import { usePageFocus } from './use-page-focus.js';
import { useSubmit } from './use-submit.js';

export type RespondentFormProps = {
  token: string;
  view: RespondSession;
  onSubmitted(submittedAt: string, data: Answers): void;
  onReload(): void;
};

type Refused = { submitId: number; errors: readonly ShownError[] };

/** SurveyJS's own rules on one question, shown there; its first message, or null when it passes. */
function validateAtQuestion(error: ShownError): string | null {
  if (!error.question) return error.message;
  error.question.validate(true);
  return error.question.errors[0]?.getText() ?? null;
}

/** The questionnaire being filled in. Loaded lazily: this module pulls in survey-core. */
export function RespondentForm({ token, view, onSubmitted, onReload }: RespondentFormProps) {
  // Created once per page view: a new model would drop what the respondent is typing.
  const [model] = useState(() => createRespondentModel(view, token));
  const [refused, setRefused] = useState<Refused | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const queue = useAutosave(model, token, view.response.revision, onReload);
  const skipPageFocus = usePageFocus(model);

  const onInvalid = useCallback(
    (shown: ShownError[]) => {
      const first = shown.find((e) => e.pageIndex >= 0);
      if (first && first.pageIndex !== model.currentPageNo) {
        skipPageFocus();
        model.currentPageNo = first.pageIndex;
      }
      setRefused((r) => ({ submitId: (r?.submitId ?? 0) + 1, errors: shown }));
    },
    [model, skipPageFocus],
  );
  useSubmit(model, token, queue, { onSubmitted, onInvalid, onProblem: setProblem, onReload });

  // A fixed answer leaves the summary at once; the box goes when nothing is left. Validation shows its
  // result at the question, so it runs here, outside a state updater (those may run twice).
  const refusedRef = useRef(refused);
  useEffect(() => {
    refusedRef.current = refused;
  });
  useEffect(() => {
    const onChanged = (_: unknown, options: { name: string }) => {
      const r = refusedRef.current;
      if (!r) return;
      const errors = revalidateErrors(r.errors, options.name, validateAtQuestion);
      if (errors === r.errors) return;
      refusedRef.current = { ...r, errors };
      setRefused(refusedRef.current);
    };
    model.onValueChanged.add(onChanged);
    return () => model.onValueChanged.remove(onChanged);
  }, [model]);

  const errorPages = useMemo(
    () => new Set((refused?.errors ?? []).map((e) => e.pageIndex).filter((i) => i >= 0)),
    [refused],
  );

  const titleOf = useCallback(
    (name: string) => {
      const [questionName = name, suffix] = name.split('-Comment');
      const title = model.getQuestionByName(questionName)?.processedTitle ?? questionName;
      return suffix === undefined ? title : `${title} (toelichting)`;
    },
    [model],
  );

  const answerOf = useCallback((name: string, value: unknown) => answerText(model, name, value), [model]);

  return (
    <>
      <ConflictNotice queue={queue} titleOf={titleOf} answerOf={answerOf} />
      {view.response.reopenedAt && (
        <p className="notice">
          De inspectie heeft uw antwoorden heropend. U kunt ze aanpassen en daarna opnieuw verzenden.
        </p>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {refused && refused.errors.length > 0 && (
        <ErrorSummary
          errors={refused.errors}
          submitId={refused.submitId}
          onSelect={(e) => e.question?.focus(true)}
        />
      )}
      <PageProgress model={model} submitRefused={refused !== null} errorPages={errorPages} />
      <SurveyView model={model} />
      {/* After the form in reading order, pinned to the bottom of the window while scrolling. */}
      <SaveStatus queue={queue} />
    </>
  );
}
