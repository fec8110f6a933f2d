import { describeError } from '../api/describe-error.js';
import { Button } from './button.js';
import { Alert } from './alert.js';

type ErrorMessageProps = {
  error: unknown;
  title?: string;
  onRetry?: () => void;
};

/** A failed request, explained in Dutch, announced to screen readers when it appears. */
export function ErrorMessage({ error, title, onRetry }: ErrorMessageProps) {
  return (
    <Alert tone="error" role="alert">
      {title && <p className="alert__title">{title}</p>}
      <p className="alert__text">{describeError(error)}</p>
      {onRetry && (
        <Button small onClick={onRetry}>
          Opnieuw proberen
        </Button>
      )}
    </Alert>
  );
}
