import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { revalidateErrors } from '../../../client/src/respondent/error-summary-state.js';
import { showServerErrors, type ShownError } from '../../../client/src/respondent/server-errors.js';

const json = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'naam', title: 'Naam', isRequired: true },
        { type: 'text', name: 'email', title: 'E-mail', inputType: 'email', validators: [{ type: 'email' }] },
        { type: 'text', name: 'serveronly', title: 'Alleen de server' },
      ],
    },
  ],
};

function refusedSubmit(): { model: Model; errors: ShownError[] } {
  const model = new Model(json);
  model.validationEnabled = false;
  model.data = { email: 'geen adres', serveronly: 'x' };
  const errors = showServerErrors(model, [
    { question: 'naam', message: 'Beantwoord deze vraag.' },
    { question: 'email', message: 'Vul een geldig e-mailadres in.' },
    { question: 'serveronly', message: 'De server weigert dit.' },
  ]);
  return { model, errors };
}

/** What the respondent form does: SurveyJS's own rules, shown at the question. */
const validateAtQuestion = (error: ShownError): string | null => {
  if (!error.question) return error.message;
  error.question.validate(true);
  return error.question.errors[0]?.getText() ?? null;
};

describe('revalidateErrors', () => {
  it('drops the item of a question once its answer passes, and clears the message at the question', () => {
    const { model, errors } = refusedSubmit();
    model.setValue('naam', 'Wijkteams');
    const next = revalidateErrors(errors, 'naam', validateAtQuestion);
    expect(next.map((e) => e.questionName)).toEqual(['email', 'serveronly']);
    expect(model.getQuestionByName('naam').errors).toHaveLength(0);
  });

  it('keeps a still-failing item and only reruns the changed question', () => {
    const { model, errors } = refusedSubmit();
    model.setValue('email', 'nog steeds geen adres');
    const next = revalidateErrors(errors, 'email', validateAtQuestion);
    expect(next.map((e) => e.questionName)).toEqual(['naam', 'email', 'serveronly']);
    expect(next[1]?.message).toMatch(/e-mail/i);
    // A server-only error of an untouched question stays at its question and in the summary.
    expect(model.getQuestionByName('serveronly').errors.map((e) => e.getText())).toEqual([
      'De server weigert dit.',
    ]);
  });

  it('returns the same list when nothing changed (no re-render per keystroke)', () => {
    const { errors } = refusedSubmit();
    expect(revalidateErrors(errors, 'other', validateAtQuestion)).toBe(errors);
    expect(revalidateErrors(errors, 'naam', () => 'Beantwoord deze vraag.')).toBe(errors);
  });

  it('is empty when everything is fixed', () => {
    const { model, errors } = refusedSubmit();
    model.data = { naam: 'a', email: 'a@b.nl', serveronly: 'y' };
    let next: readonly ShownError[] = errors;
    for (const name of ['naam', 'email', 'serveronly'])
      next = revalidateErrors(next, name, validateAtQuestion);
    expect(next).toEqual([]);
  });
});
