import { useEffect, useRef } from 'react';
import type { ShownError } from './server-errors.js';

/**
 * After a refused submit: what to fix, as in the GOV.UK error summary — one link per item leading to
 * (and focusing) its question, the message on its own line under the question's title. Takes focus once
 * per refused submit (`submitId`), not when an item disappears because it was fixed.
 */
export function ErrorSummary({
  errors,
  submitId,
  onSelect,
}: {
  errors: readonly ShownError[];
  submitId: number;
  onSelect(error: ShownError): void;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // From the bottom of a long page, a plain focus() would show the end of a long list: start at the top.
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'start' });
  }, [submitId]);
  return (
    <section
      ref={ref}
      className="notice notice--error error-summary"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
    >
      <h2 id="error-summary-title">Nog niet alle vragen zijn goed ingevuld</h2>
      <p>
        {errors.length === 1 ? 'Pas het volgende antwoord' : `Pas de volgende ${errors.length} antwoorden`}{' '}
        aan en verzend de vragenlijst daarna opnieuw. Wat u verbetert, verdwijnt uit deze lijst.
      </p>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.key} className="error-summary__item">
            {error.question ? (
              <a
                className="error-summary__link"
                href={`#${error.question.id}`}
                onClick={(event) => {
                  // The question may be on another page: SurveyJS switches page before it focuses.
                  event.preventDefault();
                  onSelect(error);
                }}
              >
                {error.label}
              </a>
            ) : (
              <strong className="error-summary__label">{error.label}</strong>
            )}
            <span className="error-summary__message">{error.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
