import { useEffect, useRef, useState } from 'react';
import type { Answers } from './answers.js';
import { createAnswersModel } from './create-respondent-model.js';
import { formatDateTime } from './format-time.js';
import type { RespondContact, RespondSession } from '../../../shared/api/respond.js';
import { SurveyView } from './survey-view.js';

export type SubmittedViewProps = {
  token: string;
  view: RespondSession;
  data: Answers;
  submittedAt: string | undefined;
  /** True right after submitting: focus moves to the confirmation so it is announced. */
  justSubmitted: boolean;
};

/** Confirmation plus every answer on one read-only page, printable as the respondent's own record. */
export function SubmittedView({ token, view, data, submittedAt, justSubmitted }: SubmittedViewProps) {
  const [model] = useState(() => createAnswersModel(view, data, token));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (justSubmitted) headingRef.current?.focus();
  }, [justSubmitted]);

  return (
    <>
      <section className="notice notice--success" aria-labelledby="confirmation-title">
        <h2 id="confirmation-title" ref={headingRef} tabIndex={-1}>
          {justSubmitted ? 'Bedankt, uw antwoorden zijn verzonden' : 'Deze vragenlijst is verzonden'}
        </h2>
        <p>
          {submittedAt ? `Verzonden op ${formatDateTime(submittedAt)}. ` : ''}
          Samenwerkend Toezicht Jeugd heeft uw antwoorden ontvangen. U kunt ze niet meer wijzigen. Wilt u toch
          iets aanpassen? Neem dan contact op met <ContactText contact={view.contact} />.
        </p>
        <p className="no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            Afdrukken of opslaan als PDF
          </button>
        </p>
      </section>
      <section className="answers" aria-labelledby="answers-title">
        <h2 id="answers-title">Uw antwoorden</h2>
        <SurveyView model={model} />
      </section>
    </>
  );
}

/** The investigation's contact person by name, with a mail link; the general wording without one. */
export function ContactText({ contact }: { contact: RespondContact | undefined }) {
  if (!contact) return <>de inspecteurs van Samenwerkend Toezicht Jeugd</>;
  return (
    <>
      {contact.name}
      {contact.email && (
        <>
          {' '}
          (<a href={`mailto:${contact.email}`}>{contact.email}</a>)
        </>
      )}
    </>
  );
}
