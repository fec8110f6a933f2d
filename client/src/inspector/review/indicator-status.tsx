import type { ReviewItem } from './review-model.js';
import { deviationCount } from './review-model.js';
import { judgedVerdict, verdictLook } from './verdicts.js';

/** Judged verdict, or the proposal in italics marked "voorstel", plus the number of signals. */
export function IndicatorStatus({ item }: { item: ReviewItem }) {
  const judged = item.judgment !== undefined;
  const verdict = item.judgment ? judgedVerdict(item.judgment) : item.analysis.proposal.verdict;
  const look = verdictLook[verdict];
  const signals = deviationCount(item.analysis);
  return (
    <span className="indicator-status">
      <span className={`verdict verdict--${look.tone}${judged ? '' : ' verdict--proposal'}`}>
        <span aria-hidden="true">{look.symbol} </span>
        {judged ? look.label : `voorstel: ${look.label}`}
      </span>
      {signals > 0 && (
        <span className="indicator-status__flags">
          <span aria-hidden="true">⚠ </span>
          {signals} {signals === 1 ? 'signaal' : 'signalen'}
        </span>
      )}
    </span>
  );
}
