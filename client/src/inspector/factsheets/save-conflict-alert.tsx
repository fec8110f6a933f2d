import type { ReactNode } from 'react';
import { Button } from '../../shared/components/button.js';
import { formatDateTime } from '../../shared/format.js';
import { describeReviewError } from './review-errors.js';
import { Alert } from '../../shared/components/alert.js';

type Props = {
  error: unknown;
  /** The colleague's stored copy from the 409, when the reply carried one. */
  conflict?: { updatedAt: string | null; updatedBy: { name: string } | null } | undefined;
  /** Their text, shown so the inspector can compare before choosing. */
  theirs?: ReactNode;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
};

/**
 * A failed save of an inspector text; after a compare-and-set conflict it shows the colleague's version
 * and lets the inspector take it over or overwrite it knowingly (never silently).
 */
export function SaveConflictAlert({ error, conflict, theirs, onTakeTheirs, onKeepMine }: Props) {
  return (
    <Alert tone="error" role="alert">
      <p className="alert__text">{describeReviewError(error)}</p>
      {conflict && (
        <>
          <p className="alert__text">
            Versie van {conflict.updatedBy?.name ?? 'een collega'}
            {conflict.updatedAt ? ` (${formatDateTime(conflict.updatedAt)})` : ''}:
          </p>
          <blockquote className="judgment__theirs">{theirs}</blockquote>
          <div className="form__actions">
            <Button small onClick={onTakeTheirs}>
              Versie van collega overnemen
            </Button>
            <Button small variant="danger" onClick={onKeepMine}>
              Mijn versie toch opslaan
            </Button>
          </div>
        </>
      )}
    </Alert>
  );
}
