import { useEffect, useRef } from 'react';
import type { ShownError } from './server-errors.js';

/** After a refused submit: what to fix, each item leading to its question. Takes focus when shown. */
export function ErrorSummary({
  errors,
  onSelect,
}: {
  errors: ShownError[];
  onSelect(error: ShownError): void;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  return (
    <section ref={ref} className="notice notice--error" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">Nog niet alle vragen zijn goed ingevuld</h2>
      <p>Pas de volgende antwoorden aan en verzend de vragenlijst daarna opnieuw:</p>
      <ul>
        {errors.map((error) => (
          <li key={error.key}>
            {error.question ? (
              <button type="button" className="link-button" onClick={() => onSelect(error)}>
                {error.label}
              </button>
            ) : (
              <strong>{error.label}</strong>
            )}
            : {error.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
