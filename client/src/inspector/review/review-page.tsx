import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { getInvestigation, investigationKeys } from '../api/investigations-api.js';
import { getReview, reviewKeys } from '../api/review-api.js';
import { AgreementSummary } from './agreement-summary.js';
import { IndicatorPane } from './indicator-pane.js';
import { IndicatorTree } from './indicator-tree.js';
import { deviationCount, reviewItems } from './review-model.js';
import { ReviewDocuments } from './review-documents.js';
import { ReviewSubpageHead } from './review-subpage-head.js';
import { useIndicatorKeys } from './use-indicator-keys.js';

/** The consistency view: every indicator's answers side by side, the analysis' signals, and the judgment. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [onlyDeviations, setOnlyDeviations] = useState(false);
  const [moved, setMoved] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  const sideId = useId();
  const review = useQuery({
    queryKey: reviewKeys.review(id),
    queryFn: ({ signal }) => getReview(id, signal),
  });
  const detail = useQuery({
    queryKey: investigationKeys.detail(id),
    queryFn: ({ signal }) => getInvestigation(id, signal),
  });

  const items = useMemo(() => (review.data ? reviewItems(review.data) : []), [review.data]);
  const visible = onlyDeviations ? items.filter((i) => deviationCount(i.analysis) > 0) : items;
  const requested = params.get('indicator') ?? decodeURIComponent(location.hash.slice(1));
  const selected = items.find((i) => i.indicator.id === requested) ?? visible[0] ?? items[0];
  const position = selected ? visible.indexOf(selected) : -1;
  const judged = items.filter((i) => i.judgment).length;
  const selectedId = selected?.indicator.id;
  // On a phone the opened list covers the indicator: choosing one closes it again.
  useEffect(() => setListOpen(false), [selectedId]);

  const move = useCallback(
    (step: 1 | -1) => {
      if (visible.length === 0) return;
      // From the address bar, not the last render: a quick second key press must count from the new one.
      const current = new URLSearchParams(window.location.search).get('indicator');
      const at = current === null ? position : visible.findIndex((i) => i.indicator.id === current);
      const next = at === -1 ? visible[0] : visible[at + step];
      if (!next) return;
      setMoved(true);
      void navigate(`?indicator=${encodeURIComponent(next.indicator.id)}`, { replace: true });
    },
    [visible, position, navigate],
  );
  useIndicatorKeys(move);

  const data = review.data;
  return (
    <>
      <ReviewSubpageHead
        investigationId={id}
        review={data}
        kind="Beoordeling"
        other={{ path: 'factsheet', label: 'Naar de factsheet' }}
      />
      {review.isPending && <SkeletonRows rows={8} label="De analyse wordt geladen…" />}
      {review.isError && (
        <ErrorMessage
          title="De beoordeling kon niet worden geladen"
          error={review.error}
          onRetry={() => void review.refetch()}
        />
      )}
      {data && (
        <>
          <p className="lead">
            {judged} van {items.length} indicatoren beoordeeld.
            {data.changedSincePublished && ' Er zijn wijzigingen sinds de laatst gepubliceerde factsheet.'}
          </p>
          <AgreementSummary aggregates={data.analysis.aggregates} themes={data.framework.themes} />
          <div className="review">
            <aside
              className={listOpen ? 'review__side review__side--open' : 'review__side'}
              aria-label="Indicatoren"
            >
              {/* Only shown on a narrow screen, where the list stands above the indicator instead of beside it. */}
              <Button
                small
                className="review__side-toggle"
                aria-expanded={listOpen}
                aria-controls={`${sideId}-body`}
                onClick={() => setListOpen((open) => !open)}
              >
                {listOpen ? 'Lijst van indicatoren verbergen' : 'Lijst van indicatoren tonen'}
              </Button>
              <div className="review__side-body" id={`${sideId}-body`}>
                <label className="checkbox review__filter">
                  <input
                    type="checkbox"
                    checked={onlyDeviations}
                    onChange={(e) => setOnlyDeviations(e.target.checked)}
                  />
                  Alleen afwijkingen
                </label>
                <nav aria-label="Indicatoren van het toetsingskader">
                  <IndicatorTree items={visible} selectedId={selected?.indicator.id} />
                </nav>
                <ReviewDocuments investigationId={id} documents={detail.data?.documents} />
              </div>
            </aside>
            <div className="review__main">
              <div className="review__stepper">
                <Button small disabled={position <= 0} onClick={() => move(-1)}>
                  <span aria-hidden="true">↑ </span>Vorige indicator
                </Button>
                <Button
                  small
                  disabled={position === -1 ? visible.length === 0 : position >= visible.length - 1}
                  onClick={() => move(1)}
                >
                  <span aria-hidden="true">↓ </span>Volgende indicator
                </Button>
                <p className="review__keys table__secondary" id="review-keys">
                  Sneltoetsen: <kbd>Alt</kbd>+<kbd>↓</kbd> / <kbd>Alt</kbd>+<kbd>↑</kbd>, of <kbd>j</kbd> /{' '}
                  <kbd>k</kbd> buiten een tekstveld.
                </p>
              </div>
              {selected ? (
                <IndicatorPane
                  investigationId={id}
                  item={selected}
                  respondents={data.analysis.respondents}
                  focusOnChange={moved}
                />
              ) : (
                <p className="muted">Dit onderzoek heeft geen indicatoren om te beoordelen.</p>
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}
