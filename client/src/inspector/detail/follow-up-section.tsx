import { Link } from 'react-router';
import type { InvestigationDetail } from '../../../../shared/api/investigations.js';

/**
 * A follow-up round must not look like a new investigation: name the baseline it builds on (with a link)
 * and the improvement points it asks again, in the framework's words.
 */
export function FollowUpSection({ investigation }: { investigation: InvestigationDetail }) {
  const followUp = investigation.followUp;
  if (!followUp) return null;
  const indicators = investigation.followUpIndicators ?? [];
  const one = followUp.indicatorIds.length === 1;
  return (
    <section className="section" aria-labelledby="vervolgonderzoek">
      <h2 id="vervolgonderzoek">Vervolgonderzoek</h2>
      <p>
        Vervolgonderzoek op{' '}
        {followUp.baselines.map((baseline, index) => (
          <span key={baseline.investigationId}>
            {index > 0 && ' en '}
            <Link to={`/inspectie/onderzoeken/${baseline.investigationId}`}>
              {investigation.municipality} — {baseline.approach} ({baseline.year})
            </Link>
          </span>
        ))}
        . De respondenten krijgen alleen de vragen over {one ? 'het verbeterpunt' : 'de verbeterpunten'} uit
        dat onderzoek:
      </p>
      {indicators.length > 0 ? (
        <ul>
          {indicators.map((indicator) => (
            <li key={indicator.id}>
              <span className="muted">{indicator.theme}:</span> {indicator.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>{followUp.indicatorIds.join(', ')}</p>
      )}
    </section>
  );
}
