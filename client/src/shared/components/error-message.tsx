import { describeError } from '../api/describe-error.js';
import { Button } from './button.js';

type ErrorMessageProps = {
  error: unknown;
  title?: string;
  onRetry?: () => void;
};

/** A failed request, explained in Dutch, announced to screen readers when it appears. */
export function ErrorMessage({ error, title, onRetry }: ErrorMessageProps) {
  return (
    <div className="alert alert--error" role="alert">
      <span className="alert__icon" aria-hidden="true">
        ✕
      </span>
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        <p className="alert__text">{describeError(error)}</p>
        {onRetry && (
          <Button small onClick={onRetry}>
            Opnieuw proberen
          </Button>
        )}
      </div>
    </div>
  );
}
