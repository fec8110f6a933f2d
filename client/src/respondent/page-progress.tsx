import { useMemo } from 'react';
import type { Model } from 'survey-core';
import { pageSteps, type StepState } from './page-steps.js';
import { useModelVersion } from './use-model-version.js';

const stateText: Record<StepState, string> = {
  done: 'ingevuld',
  open: 'nog niet helemaal ingevuld',
  error: 'nog niet goed ingevuld',
};

const mark: Record<StepState, string> = { done: '✓', open: '', error: '!' };

/**
 * Replaces SurveyJS's progress bar, which ticks every visited page even with required questions empty
 * and counts the welcome page. Each step is a button to its page; its state is in words as well as in
 * the mark (not colour alone). Narrow screens show the current step's name only.
 */
export function PageProgress({
  model,
  submitRefused,
  errorPages,
}: {
  model: Model;
  submitRefused: boolean;
  errorPages: ReadonlySet<number>;
}) {
  const version = useModelVersion(model);
  const steps = useMemo(
    () => pageSteps(model, { submitRefused, errorPages }),
    // `version` stands for the model's changing answers and page.
    [model, submitRefused, errorPages, version],
  );
  const current = steps.find((s) => s.current);
  if (steps.length < 2) return null;
  return (
    <nav className="page-progress" aria-label="Onderdelen van de vragenlijst">
      {current && (
        <p className="page-progress__summary" aria-hidden="true">
          Onderdeel {current.number} van {steps.length}: {current.title}
        </p>
      )}
      <ol className="page-progress__list">
        {steps.map((step) => (
          <li
            key={step.pageIndex}
            className={`page-progress__step page-progress__step--${step.state}${step.current ? ' page-progress__step--current' : ''}`}
          >
            <button
              type="button"
              className="page-progress__button"
              aria-current={step.current ? 'step' : undefined}
              onClick={() => {
                model.currentPageNo = step.pageIndex;
              }}
            >
              <span className="page-progress__mark" aria-hidden="true">
                {mark[step.state] || step.number}
              </span>
              <span className="page-progress__title">
                {step.title}
                <span className="visually-hidden"> ({stateText[step.state]})</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
