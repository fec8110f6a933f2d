import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Review } from '../../../../shared/api/review.js';
import { isApiError } from '../../shared/api/api-error.js';
import { Button } from '../../shared/components/button.js';
import { ConfirmDialog } from '../../shared/components/confirm-dialog.js';
import { publishFactsheet, reviewKeys } from '../api/review-api.js';
import type { NoticeMessage } from '../detail/notice.js';
import { allConclusionsEmpty, joinLabels, unjudgedIndicators } from './publish-readiness.js';
import { describeReviewError, missingIndicators } from './review-errors.js';
import { useUnsavedEdits } from './unsaved-edits.js';
import { Alert } from '../../shared/components/alert.js';

/** A few missing indicators are listed outright; a whole framework's worth is folded away. */
const MISSING_SHOWN_OPEN = 6;

type Props = { review: Review; onNotice: (notice: NoticeMessage) => void };

/** Publishing makes an immutable numbered version; what is missing is listed with links to judge it. */
export function PublishSection({ review, onNotice }: Props) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const reasonId = useId();
  const unsaved = useUnsavedEdits();
  const id = review.investigation.id;
  const publish = useMutation({
    mutationFn: () => publishFactsheet(id),
    onSuccess: (result) => {
      setConfirming(false);
      onNotice({ tone: 'success', text: `Versie ${result.version} van de factsheet is gepubliceerd.` });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.review(id) });
    },
    onError: () => setConfirming(false),
  });
  // Known before asking: the server refuses the same (judgments_incomplete), but only after the dialog.
  const unjudged = unjudgedIndicators(review);
  const refused =
    publish.isError && isApiError(publish.error) && publish.error.code === 'judgments_incomplete'
      ? missingIndicators(publish.error.details)
      : [];
  const missing = refused.length > 0 ? refused : unjudged;
  const noConclusions = allConclusionsEmpty(review);
  const blocked = unjudged.length > 0 || unsaved.length > 0;
  const texts = new Map(
    review.framework.themes.flatMap((t) =>
      t.criteria.flatMap((c) => c.indicators.map((i) => [i.id, i.text])),
    ),
  );
  const next = review.factsheets.reduce((max, f) => Math.max(max, f.version), 0) + 1;
  // Allowed on purpose (a round may have nothing to tell yet), but the seeds always have this section.
  const noNarrative = review.followUpNarrative !== null && review.followUpNarrative.text.trim() === '';
  const developmentTitle = `Ontwikkeling ${review.investigation.year}`;
  const list = (
    <ul className="missing-list">
      {missing.map((indicatorId) => (
        <li key={indicatorId}>
          <Link to={`/inspectie/onderzoeken/${id}/beoordeling?indicator=${encodeURIComponent(indicatorId)}`}>
            {indicatorId}
            {texts.get(indicatorId) ? ` — ${texts.get(indicatorId)}` : ''}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <section className="section" aria-labelledby="publiceren">
      <h2 id="publiceren">Publiceren</h2>
      <p className="section__note">
        Een gepubliceerde versie verandert nooit meer. Wijzigingen daarna worden een nieuwe versie.
      </p>
      {publish.isError && !(isApiError(publish.error) && publish.error.code === 'judgments_incomplete') && (
        <Alert tone="error" role="alert">
          <p className="alert__text">{describeReviewError(publish.error)}</p>
        </Alert>
      )}
      <div id={reasonId}>
        {missing.length > 0 && (
          <Alert tone="warning">
            <p className="alert__text">
              Publiceren kan pas als alle indicatoren zijn beoordeeld. Nog zonder oordeel: {missing.length}{' '}
              van {review.analysis.indicators.length}.
            </p>
            {missing.length > MISSING_SHOWN_OPEN ? (
              <details className="missing-details">
                <summary>Toon de {missing.length} indicatoren zonder oordeel</summary>
                {list}
              </details>
            ) : (
              list
            )}
          </Alert>
        )}
        {unsaved.length > 0 && (
          <Alert tone="warning">
            <p className="alert__text">
              Niet opgeslagen: {joinLabels(unsaved.map((e) => e.label))}. Sla eerst op wat u heeft getypt;
              anders komt het niet in de gepubliceerde versie.
            </p>
            <div className="form__actions">
              <Button small onClick={() => unsaved.forEach((edit) => edit.save())}>
                Alles opslaan
              </Button>
            </div>
          </Alert>
        )}
      </div>
      {noConclusions && (
        <Alert tone="warning">
          <p className="alert__text">
            Er zijn nog geen conclusies (‘Wat gaat goed?’, ‘Wat kan beter?’) opgeslagen. De factsheet kan
            zonder worden gepubliceerd, maar sluit de thema’s dan niet af met een conclusie.
          </p>
        </Alert>
      )}
      {noNarrative && (
        <Alert tone="warning">
          <p className="alert__text">
            De tekst ‘{developmentTitle}’ is nog leeg. De factsheet kan zonder worden gepubliceerd, maar
            beschrijft dan niet hoe de gemeente de verbeterpunten heeft opgepakt.
          </p>
        </Alert>
      )}
      <Button
        variant="primary"
        disabled={blocked}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={() => {
          publish.reset();
          setConfirming(true);
        }}
      >
        Publiceren
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Versie ${next} publiceren?`}
        confirmLabel={`Versie ${next} publiceren`}
        busy={publish.isPending}
        onConfirm={() => publish.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          De factsheet van {review.investigation.municipality} wordt vastgelegd zoals hij nu is. Deze versie
          is daarna niet meer te wijzigen.
        </p>
        {noNarrative && <p>Let op: de tekst ‘{developmentTitle}’ is leeg en komt niet in de factsheet.</p>}
        {noConclusions && <p>Let op: er staan nog geen conclusies per thema in de factsheet.</p>}
      </ConfirmDialog>
    </section>
  );
}
