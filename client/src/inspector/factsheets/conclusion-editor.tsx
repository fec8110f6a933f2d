import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { conclusionSchema, type Conclusion, type Review } from '../../../../shared/api/review.js';
import { isApiError } from '../../shared/api/api-error.js';
import { Button } from '../../shared/components/button.js';
import { formatDateTime } from '../../shared/format.js';
import { conflictDetails, reviewKeys, saveConclusion } from '../api/review-api.js';
import { themeSubtitle } from './publish-readiness.js';
import { SaveConflictAlert } from './save-conflict-alert.js';
import { SaveState } from './save-state.js';
import { useReportUnsaved } from './unsaved-edits.js';

type Props = {
  investigationId: string;
  theme: { id: string; title: string; description: string };
  conclusion: Conclusion | undefined;
  /** Position on the page, so unsaved texts are named in page order. */
  order: number;
};

/** "Wat gaat goed?" and "Wat kan beter?" for one theme, as the factsheet closes each theme. */
export function ConclusionEditor({ investigationId, theme, conclusion, order }: Props) {
  const queryClient = useQueryClient();
  const id = useId();
  const [goed, setGoed] = useState(conclusion?.goed ?? '');
  const [beter, setBeter] = useState(conclusion?.beter ?? '');
  const [saved, setSaved] = useState(conclusion);
  const [conflict, setConflict] = useState<Conclusion | undefined>();
  const [message, setMessage] = useState('');
  const dirty = goed.trim() !== (saved?.goed ?? '') || beter.trim() !== (saved?.beter ?? '');

  const save = useMutation({
    mutationFn: (revision: number | undefined) =>
      saveConclusion(investigationId, theme.id, {
        goed: goed.trim(),
        beter: beter.trim(),
        ...(revision !== undefined ? { revision } : {}),
      }),
    onSuccess: (result) => {
      setSaved(result);
      setConflict(undefined);
      setMessage(`Opgeslagen op ${formatDateTime(result.updatedAt)}.`);
      queryClient.setQueryData<Review>(reviewKeys.review(investigationId), (review) =>
        review
          ? {
              ...review,
              conclusions: [...review.conclusions.filter((c) => c.themeId !== theme.id), result],
              changedSincePublished: review.factsheets.length > 0 || review.changedSincePublished,
            }
          : review,
      );
    },
    onError: (error) => {
      setMessage('');
      if (isApiError(error) && error.code === 'conclusion_conflict')
        setConflict(conflictDetails(error.details, conclusionSchema));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(saved?.revision);
  }
  useReportUnsaved({ key: `conclusion:${theme.id}`, label: theme.title, order }, dirty, () => {
    if (!save.isPending && !conflict) save.mutate(saved?.revision);
  });

  return (
    <form className="conclusion" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{theme.title}</h3>
      {theme.description && <p className="conclusion__subtitle">{themeSubtitle(theme.description)}</p>}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-goed`}>
          Wat gaat goed?
        </label>
        <textarea
          id={`${id}-goed`}
          className="field__input judgment__text"
          value={goed}
          onChange={(e) => setGoed(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-beter`}>
          Wat kan beter?
        </label>
        <textarea
          id={`${id}-beter`}
          className="field__input judgment__text"
          value={beter}
          onChange={(e) => setBeter(e.target.value)}
        />
      </div>
      {save.isError && (
        <SaveConflictAlert
          error={save.error}
          conflict={conflict}
          theirs={
            conflict && (
              <>
                <strong>Wat gaat goed?</strong> {conflict.goed}
                <br />
                <strong>Wat kan beter?</strong> {conflict.beter}
              </>
            )
          }
          onTakeTheirs={() => {
            if (!conflict) return;
            setGoed(conflict.goed);
            setBeter(conflict.beter);
            setSaved(conflict);
            setConflict(undefined);
            save.reset();
          }}
          onKeepMine={() => conflict && save.mutate(conflict.revision)}
        />
      )}
      <div className="form__actions">
        <Button type="submit" variant={dirty ? 'primary' : 'secondary'} busy={save.isPending}>
          Opslaan<span className="visually-hidden"> ({theme.title})</span>
        </Button>
        <SaveState dirty={dirty && !save.isPending} message={message} saved={saved} />
      </div>
    </form>
  );
}
