import { useCallback, useState } from 'react';
import type { Answers } from './answers.js';
import { ConflictNotice } from './conflict-notice.js';
import { createRespondentModel } from './create-respondent-model.js';
import { ErrorSummary } from './error-summary.js';
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

/** The questionnaire being filled in. Loaded lazily: this module pulls in survey-core. */
export function RespondentForm({ token, view, onSubmitted, onReload }: RespondentFormProps) {
  // Created once per page view: a new model would drop what the respondent is typing.
  const [model] = useState(() => createRespondentModel(view, token));
  const [errors, setErrors] = useState<ShownError[] | null>(null);
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
      setErrors(shown);
    },
    [model, skipPageFocus],
  );
  useSubmit(model, token, queue, { onSubmitted, onInvalid, onProblem: setProblem, onReload });

  const titleOf = useCallback(
    (name: string) => {
      const [questionName = name, suffix] = name.split('-Comment');
      const title = model.getQuestionByName(questionName)?.processedTitle ?? questionName;
      return suffix === undefined ? title : `${title} (toelichting)`;
    },
    [model],
  );

  return (
    <>
      <ConflictNotice queue={queue} titleOf={titleOf} />
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {errors && errors.length > 0 && (
        <ErrorSummary errors={errors} onSelect={(e) => e.question?.focus(true)} />
      )}
      <SurveyView model={model} />
      {/* After the form in reading order, pinned to the bottom of the window while scrolling. */}
      <SaveStatus queue={queue} />
    </>
  );
}
