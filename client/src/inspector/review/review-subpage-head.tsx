import { Link } from 'react-router';
import type { Review } from '../../../../shared/api/review.js';
import { PageHeading } from '../layout/page-heading.js';

/**
 * The head shared by the consistency view and the factsheet page: the way back to the investigation,
 * the page title with the approach, and a link across to the other page.
 */
export function ReviewSubpageHead({
  investigationId,
  review,
  kind,
  other,
}: {
  investigationId: string;
  review: Review | undefined;
  kind: string;
  other: { path: string; label: string };
}) {
  const title = review ? `${kind} ${review.investigation.municipality}` : kind;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/inspectie/onderzoeken/${investigationId}`}>
          {review ? `${review.investigation.municipality} — ${review.investigation.approach}` : 'Onderzoek'}
        </Link>
      </p>
      <div className="page-head">
        <PageHeading title={title}>
          {title}
          {review && <span className="page-title__sub">{review.investigation.approach}</span>}
        </PageHeading>
        <Link className="btn btn--secondary" to={`/inspectie/onderzoeken/${investigationId}/${other.path}`}>
          {other.label}
        </Link>
      </div>
    </>
  );
}
