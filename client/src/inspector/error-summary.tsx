import type { Ref } from 'react';

type ErrorSummaryProps<K extends string> = {
  errors: Partial<Record<K, string>>;
  labels: Record<K, string>;
  ref?: Ref<HTMLDivElement>;
};

/** The list of problems above a form (GOV.UK pattern): focused after a failed submit, each item names its field. */
export function ErrorSummary<K extends string>({ errors, labels, ref }: ErrorSummaryProps<K>) {
  const entries = (Object.keys(labels) as K[]).filter((key) => errors[key]);
  if (entries.length === 0) return null;
  return (
    <div
      className="alert alert--error error-summary"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <span className="alert__icon" aria-hidden="true">
        ✕
      </span>
      <div className="alert__body">
        <h2 className="alert__title" id="error-summary-title">
          Controleer de invoer
        </h2>
        <ul className="error-summary__list">
          {entries.map((key) => (
            <li key={key}>
              <strong>{labels[key]}:</strong> {errors[key]}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
