import { useEffect, useRef } from 'react';
import type { Model } from 'survey-core';
import { copyAnswers, type Answers } from './answers.js';
import type { AutosaveQueue } from './autosave-queue.js';
import { submitResponse } from './respond-api.js';
import { showServerErrors, type ShownError } from './server-errors.js';

export type SubmitHandlers = {
  onSubmitted(submittedAt: string, data: Answers): void;
  onInvalid(errors: ShownError[]): void;
  onProblem(message: string | null): void;
  /** Submitted elsewhere or the link stopped working: reload what the server says. */
  onReload(): void;
};

const offlineMessage =
  'Verzenden is niet gelukt. Uw antwoorden zijn niet verloren gegaan. Controleer uw internetverbinding en probeer het opnieuw.';

/**
 * SurveyJS's complete button submits to the server instead of completing locally: completion is always
 * refused here and the parent switches to the submitted view when the server accepted.
 */
export function useSubmit(model: Model, token: string, queue: AutosaveQueue, handlers: SubmitHandlers): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const onCompleting = async (_: Model, options: { allow: boolean }) => {
      options.allow = false;
      const h = handlersRef.current;
      h.onProblem(null);
      if (queue.getStatus().kind === 'conflict') {
        h.onProblem('Kies eerst hierboven welke antwoorden u wilt bewaren en verzend de vragenlijst daarna.');
        return;
      }
      const revision = await queue.pauseForSubmit();
      if (queue.getStatus().kind === 'conflict') {
        queue.resume();
        h.onProblem('Kies eerst hierboven welke antwoorden u wilt bewaren en verzend de vragenlijst daarna.');
        return;
      }
      const data = copyAnswers(model.data as Answers);
      const result = await submitResponse(token, data, revision);
      switch (result.kind) {
        case 'submitted':
          queue.stop('submitted');
          h.onSubmitted(result.submittedAt, data);
          return;
        case 'invalid': {
          queue.resume();
          const errors = showServerErrors(model, result.details);
          if (errors.length === 0)
            h.onProblem('Nog niet alle vragen zijn goed ingevuld. Controleer uw antwoorden.');
          else h.onInvalid(errors);
          return;
        }
        case 'conflict':
          queue.receiveConflict(result.server);
          h.onProblem(
            'Uw antwoorden zijn intussen ook ergens anders gewijzigd. Controleer ze en verzend de vragenlijst daarna opnieuw.',
          );
          return;
        case 'already_submitted':
          queue.stop('submitted');
          h.onReload();
          return;
        case 'link_invalid':
          queue.stop('link_invalid');
          h.onReload();
          return;
        case 'failed':
          queue.resume();
          h.onProblem(
            result.throttled ? 'Te veel pogingen, probeer het over enkele minuten opnieuw.' : offlineMessage,
          );
          return;
        default: {
          const unhandled: never = result;
          throw new Error(`unhandled submit result ${JSON.stringify(unhandled)}`);
        }
      }
    };
    model.onCompleting.add(onCompleting);
    return () => model.onCompleting.remove(onCompleting);
  }, [model, token, queue]);
}
