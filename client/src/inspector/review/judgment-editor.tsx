import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Proposal } from '../../../../shared/analysis/analysis-result.js';
import { judgmentSchema, type Judgment, type Review } from '../../../../shared/api/review.js';
import { isApiError } from '../../shared/api/api-error.js';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { formatDateTime } from '../../shared/format.js';
import { conflictDetails, reviewKeys, saveJudgment } from '../api/review-api.js';
import {
  draftFromJudgment,
  draftFromProposal,
  sameDraft,
  toInput,
  unsavedDrafts,
  type JudgmentDraft,
} from './judgment-draft.js';
import { judgmentVerdictLabels, verdictLook } from './verdicts.js';
import { Alert } from '../../shared/components/alert.js';

type Props = {
  investigationId: string;
  indicatorId: string;
  proposal: Proposal;
  judgment: Judgment | undefined;
};

/**
 * The inspector's verdict and finding for one indicator, prefilled from the saved judgment or else the
 * proposal. Saving sends the revision the inspector started from, so a colleague's newer save is shown
 * instead of silently overwritten.
 */
export function JudgmentEditor({ investigationId, indicatorId, proposal, judgment }: Props) {
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState<JudgmentDraft>(
    () =>
      unsavedDrafts.get(investigationId, indicatorId) ??
      (judgment ? draftFromJudgment(judgment) : draftFromProposal(proposal)),
  );
  const [saved, setSaved] = useState<Judgment | undefined>(judgment);
  const [conflict, setConflict] = useState<Judgment | undefined>();
  const [message, setMessage] = useState('');

  const save = useMutation({
    mutationFn: ({ next, revision }: { next: JudgmentDraft; revision: number | undefined }) =>
      saveJudgment(investigationId, indicatorId, toInput(next, revision)),
    onSuccess: (result) => {
      unsavedDrafts.clear(investigationId, indicatorId);
      setSaved(result);
      setDraft(draftFromJudgment(result));
      setConflict(undefined);
      setMessage(`Opgeslagen op ${formatDateTime(result.updatedAt)}.`);
      queryClient.setQueryData<Review>(reviewKeys.review(investigationId), (review) =>
        review
          ? {
              ...review,
              judgments: [...review.judgments.filter((j) => j.indicatorId !== indicatorId), result],
              changedSincePublished: review.factsheets.length > 0 || review.changedSincePublished,
            }
          : review,
      );
      void queryClient.invalidateQueries({ queryKey: reviewKeys.history(investigationId, indicatorId) });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'judgment_conflict') {
        setConflict(conflictDetails(error.details, judgmentSchema));
        setMessage('');
      }
    },
  });

  const dirty = !saved || !sameDraft(draft, draftFromJudgment(saved));
  const isProposal = sameDraft(draft, draftFromProposal(proposal));
  const conflictError = save.isError && isApiError(save.error) && save.error.code === 'judgment_conflict';

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ next: draft, revision: saved?.revision });
  }

  function change(patch: Partial<JudgmentDraft>) {
    const next = { ...draft, ...patch };
    setDraft(next);
    unsavedDrafts.set(investigationId, indicatorId, next);
    setMessage('');
  }

  return (
    <section className="review-block judgment" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Oordeel</h3>
      <div className="proposal">
        <p className="proposal__verdict">
          <strong>Voorstel van de analyse:</strong>{' '}
          <span className={`verdict verdict--${verdictLook[proposal.verdict].tone} verdict--proposal`}>
            <span aria-hidden="true">{verdictLook[proposal.verdict].symbol} </span>
            {verdictLook[proposal.verdict].label}
          </span>
        </p>
        <p className="proposal__reason">
          <strong>Reden:</strong> {proposal.reason}
        </p>
      </div>
      {conflictError && (
        <Alert tone="warning" role="alert">
          <p className="alert__title">Een collega heeft dit oordeel intussen gewijzigd</p>
          {conflict ? (
            <>
              <p className="alert__text">
                {conflict.updatedBy.name} ({formatDateTime(conflict.updatedAt)}):{' '}
                <strong>{judgmentVerdictLabels[conflict.verdict]}</strong>
                {conflict.letOp && ` — LET OP: ${conflict.letOp}`}
              </p>
              <blockquote className="judgment__theirs">{conflict.finding}</blockquote>
              <div className="form__actions">
                <Button
                  small
                  onClick={() => {
                    unsavedDrafts.clear(investigationId, indicatorId);
                    setSaved(conflict);
                    setDraft(draftFromJudgment(conflict));
                    setConflict(undefined);
                    save.reset();
                  }}
                >
                  Versie van collega overnemen
                </Button>
                <Button
                  small
                  variant="danger"
                  busy={save.isPending}
                  onClick={() => save.mutate({ next: draft, revision: conflict.revision })}
                >
                  Mijn versie toch opslaan
                </Button>
              </div>
            </>
          ) : (
            <p className="alert__text">Laad de pagina opnieuw om de nieuwe versie te zien.</p>
          )}
        </Alert>
      )}
      {save.isError && !conflictError && <ErrorMessage error={save.error} />}
      {/* Prefilled from the proposal, the form looks judged; until it is saved it must say it is not. */}
      {!saved && (
        <div className="judgment__draft" id={`${id}-draft`}>
          <p className="judgment__draft-title">
            <span className="judgment__draft-icon" aria-hidden="true">
              !
            </span>
            Nog niet beoordeeld
          </p>
          <p className="judgment__draft-text">
            {isProposal
              ? 'Nog niet opgeslagen — dit is het voorstel. Het formulier hieronder is ingevuld met het voorstel van de analyse; het telt pas als oordeel als u het opslaat of het voorstel overneemt.'
              : 'Nog niet opgeslagen — u heeft het voorstel aangepast. Sla het op om het oordeel vast te leggen.'}
          </p>
        </div>
      )}
      <form
        onSubmit={submit}
        noValidate
        className={saved ? 'judgment__form' : 'judgment__form judgment__form--draft'}
        aria-describedby={saved ? undefined : `${id}-draft`}
        aria-label={saved ? 'Oordeel' : 'Oordeel (concept, nog niet opgeslagen)'}
      >
        <fieldset className="radios">
          <legend className="field__label">{saved ? 'Oordeel' : 'Oordeel (concept)'}</legend>
          {(['voldoet', 'verbeterpunt', 'niet_beoordeeld'] as const).map((verdict) => (
            <label key={verdict} className="radio">
              <input
                type="radio"
                name={`${id}-verdict`}
                value={verdict}
                checked={draft.verdict === verdict}
                onChange={() => change({ verdict })}
              />
              {judgmentVerdictLabels[verdict]}
            </label>
          ))}
        </fieldset>
        {draft.verdict === 'voldoet' && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-letop`}>
              LET OP<span className="field__optional"> (optioneel)</span>
            </label>
            <p className="field__hint" id={`${id}-letop-hint`}>
              Zonder het label "LET OP:"; de factsheet zet het ervoor.
            </p>
            <textarea
              id={`${id}-letop`}
              className="field__input judgment__text judgment__text--short"
              aria-describedby={`${id}-letop-hint`}
              value={draft.letOp}
              onChange={(e) => change({ letOp: e.target.value })}
            />
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-finding`}>
            Bevinding
          </label>
          <textarea
            id={`${id}-finding`}
            className="field__input judgment__text"
            value={draft.finding}
            onChange={(e) => change({ finding: e.target.value })}
          />
        </div>
        <div className="form__actions">
          <Button
            variant={!saved && isProposal ? 'secondary' : 'primary'}
            type="submit"
            busy={save.isPending}
          >
            Opslaan
          </Button>
          <Button
            variant={!saved && isProposal ? 'primary' : 'secondary'}
            onClick={() => {
              const next = draftFromProposal(proposal);
              setDraft(next);
              save.mutate({ next, revision: saved?.revision });
            }}
          >
            Voorstel overnemen
          </Button>
          <p className="judgment__state" role="status">
            {message ||
              (saved && !dirty
                ? `Beoordeeld door ${saved.updatedBy.name}, ${formatDateTime(saved.updatedAt)}.`
                : !saved && isProposal
                  ? 'Nog niet beoordeeld: het formulier toont het voorstel.'
                  : 'Niet opgeslagen wijzigingen.')}
          </p>
        </div>
      </form>
    </section>
  );
}
