import { useEffect, useRef } from 'react';
import type { RespondentSummary } from '../../../../shared/analysis/analysis-result.js';
import { AnswersTable } from './answers-table.js';
import { Comparisons } from './comparisons.js';
import { FlagsList } from './flags-list.js';
import { JudgmentEditor } from './judgment-editor.js';
import { JudgmentHistory } from './judgment-history.js';
import type { ReviewItem } from './review-model.js';

type Props = {
  investigationId: string;
  item: ReviewItem;
  respondents: RespondentSummary[];
  /** Focus the heading after a keyboard move, so screen readers announce the new indicator. */
  focusOnChange: boolean;
};

/** One indicator: what it asks, what everyone answered, what the analysis noticed, and the judgment. */
export function IndicatorPane({ investigationId, item, respondents, focusOnChange }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { indicator, analysis, criterion, theme } = item;
  useEffect(() => {
    if (focusOnChange) heading.current?.focus();
  }, [indicator.id]);
  const questionTitle = (name: string) => indicator.questions.find((q) => q.name === name)?.title ?? name;
  return (
    <article className="indicator-pane" aria-labelledby="indicator-title">
      <p className="table__secondary indicator-pane__path">
        {theme.title} › {criterion.title}
      </p>
      <h2 id="indicator-title" className="indicator-pane__title" tabIndex={-1} ref={heading}>
        <span className="tree__id">{indicator.id}</span> {indicator.text}
      </h2>
      <section className="review-block" aria-labelledby="antwoorden">
        <h3 id="antwoorden">Antwoorden</h3>
        <AnswersTable item={item} respondents={respondents} />
      </section>
      <section className="review-block" aria-labelledby="signalen">
        <h3 id="signalen">Signalen</h3>
        <FlagsList flags={analysis.flags} questionTitle={questionTitle} />
      </section>
      <Comparisons
        checkbox={analysis.comparisons.checkbox}
        comments={analysis.comparisons.comments}
        respondents={respondents}
        questionTitle={questionTitle}
      />
      <JudgmentEditor
        key={indicator.id}
        investigationId={investigationId}
        indicatorId={indicator.id}
        proposal={analysis.proposal}
        judgment={item.judgment}
      />
      <JudgmentHistory
        key={`h-${indicator.id}`}
        investigationId={investigationId}
        indicatorId={indicator.id}
      />
    </article>
  );
}
