import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  FOLLOW_UP_NARRATIVE_MAX,
  followUpNarrativeSchema,
  type FollowUpNarrative,
  type Review,
} from '../../../../shared/api/review.js';
import { isApiError } from '../../shared/api/api-error.js';
import { Button } from '../../shared/components/button.js';
import { formatDateTime } from '../../shared/format.js';
import { conflictDetails, reviewKeys, saveFollowUpNarrative } from '../api/review-api.js';
import { SaveConflictAlert } from './save-conflict-alert.js';
import { SaveState } from './save-state.js';
import { useReportUnsaved } from './unsaved-edits.js';

type Props = { investigationId: string; year: number; narrative: FollowUpNarrative; order: number };

/**
 * "Ontwikkeling <jaar>" of a follow-up factsheet: how the municipality took up the improvement points.
 * Plain text with "### " sub-headings, saved with the same compare-and-set as the conclusions.
 */
export function NarrativeEditor({ investigationId, year, narrative, order }: Props) {
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState(narrative.text);
  const [saved, setSaved] = useState(narrative);
  const [conflict, setConflict] = useState<FollowUpNarrative | undefined>();
  const [message, setMessage] = useState('');
  const tooLong = text.trim().length > FOLLOW_UP_NARRATIVE_MAX;
  const dirty = text.trim() !== saved.text;

  const save = useMutation({
    mutationFn: (revision: number) => saveFollowUpNarrative(investigationId, { text: text.trim(), revision }),
    onSuccess: (result) => {
      setSaved(result);
      setConflict(undefined);
      setMessage(result.updatedAt ? `Opgeslagen op ${formatDateTime(result.updatedAt)}.` : 'Opgeslagen.');
      queryClient.setQueryData<Review>(reviewKeys.review(investigationId), (review) =>
        review
          ? {
              ...review,
              followUpNarrative: result,
              changedSincePublished:
                review.changedSincePublished ||
                (review.factsheets.length > 0 && result.revision !== saved.revision),
            }
          : review,
      );
    },
    onError: (error) => {
      setMessage('');
      if (isApiError(error) && error.code === 'narrative_conflict')
        setConflict(conflictDetails(error.details, followUpNarrativeSchema));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (tooLong) return;
    save.mutate(saved.revision);
  }
  useReportUnsaved({ key: 'narrative', label: `Ontwikkeling ${year}`, order }, dirty, () => {
    if (!tooLong && !save.isPending && !conflict) save.mutate(saved.revision);
  });

  return (
    <form className="conclusion" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Ontwikkeling {year}</h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          Hoe heeft de gemeente de verbeterpunten opgepakt?
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          Elke regel wordt een alinea. Begin een regel met ‘### ’ voor een tussenkop, bijvoorbeeld ‘###
          Sociale wijkteams’. Deze tekst staat in de factsheet vóór de uitkomsten per verbeterpunt.
        </p>
        <textarea
          id={`${id}-text`}
          className="field__input judgment__text"
          rows={10}
          value={text}
          aria-describedby={`${id}-hint ${id}-count`}
          aria-invalid={tooLong || undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <p className={tooLong ? 'field__error' : 'field__hint'} id={`${id}-count`}>
          {text.trim().length.toLocaleString('nl-NL')} van {FOLLOW_UP_NARRATIVE_MAX.toLocaleString('nl-NL')}{' '}
          tekens{tooLong ? ': maak de tekst korter om hem op te slaan.' : '.'}
        </p>
      </div>
      {save.isError && (
        <SaveConflictAlert
          error={save.error}
          conflict={conflict}
          theirs={conflict && (conflict.text || '(leeg)')}
          onTakeTheirs={() => {
            if (!conflict) return;
            setText(conflict.text);
            setSaved(conflict);
            setConflict(undefined);
            save.reset();
          }}
          onKeepMine={() => conflict && save.mutate(conflict.revision)}
        />
      )}
      <div className="form__actions">
        <Button
          type="submit"
          variant={dirty ? 'primary' : 'secondary'}
          busy={save.isPending}
          disabled={tooLong}
        >
          Opslaan<span className="visually-hidden"> (Ontwikkeling {year})</span>
        </Button>
        <SaveState dirty={dirty && !save.isPending} message={message} saved={saved} />
      </div>
    </form>
  );
}
