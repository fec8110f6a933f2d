import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { pageSteps } from '../../../client/src/respondent/page-steps.js';

// Shaped like the questionnaires: a welcome page of text only, then pages with required questions.
const json = {
  pages: [
    { name: 'welkom', title: 'Welkom', elements: [{ type: 'html', name: 'intro', html: '<p>Hallo</p>' }] },
    {
      name: 'aanpak',
      title: 'Over de aanpak',
      elements: [
        { type: 'text', name: 'naam', isRequired: true },
        { type: 'comment', name: 'toelichting' },
      ],
    },
    {
      name: 'thema',
      title: 'Toeleiding',
      elements: [
        {
          type: 'panel',
          name: 'criterium',
          elements: [{ type: 'radiogroup', name: 'keuze', isRequired: true, choices: ['ja', 'nee'] }],
        },
      ],
    },
    {
      name: 'contact',
      title: 'Contact',
      elements: [{ type: 'text', name: 'email', inputType: 'email', validators: [{ type: 'email' }] }],
    },
  ],
};

function respondentModel(data: Record<string, unknown> = {}): Model {
  const model = new Model(json);
  // As in the respondent runner: navigation does not validate, the server does on submit.
  model.validationEnabled = false;
  model.data = data;
  return model;
}

const none = new Set<number>();

describe('pageSteps', () => {
  it('leaves out the welcome page and names the steps after the pages', () => {
    const steps = pageSteps(respondentModel(), { submitRefused: false, errorPages: none });
    expect(steps.map((s) => [s.number, s.pageIndex, s.title])).toEqual([
      [1, 1, 'Over de aanpak'],
      [2, 2, 'Toeleiding'],
      [3, 3, 'Contact'],
    ]);
  });

  it.each([
    { case: 'nothing answered', data: {}, expected: ['open', 'open', 'done'] },
    { case: 'only the optional comment', data: { toelichting: 'x' }, expected: ['open', 'open', 'done'] },
    { case: 'required text answered', data: { naam: 'Wijkteams' }, expected: ['done', 'open', 'done'] },
    { case: 'required in a panel answered', data: { keuze: 'ja' }, expected: ['open', 'done', 'done'] },
    { case: 'an invalid optional answer', data: { email: 'geen adres' }, expected: ['open', 'open', 'open'] },
    {
      case: 'everything answered',
      data: { naam: 'a', keuze: 'nee', email: 'a@b.nl' },
      expected: ['done', 'done', 'done'],
    },
  ])('$case', ({ data, expected }) => {
    const steps = pageSteps(respondentModel(data), { submitRefused: false, errorPages: none });
    expect(steps.map((s) => s.state)).toEqual(expected);
  });

  it('marks unfinished pages as errors after a refused submit, and pages the server named', () => {
    const model = respondentModel({ naam: 'Wijkteams' });
    expect(pageSteps(model, { submitRefused: true, errorPages: none }).map((s) => s.state)).toEqual([
      'done',
      'error',
      'done',
    ]);
    // A server-only rule failed on page 3: that step is not done either.
    expect(pageSteps(model, { submitRefused: true, errorPages: new Set([3]) }).map((s) => s.state)).toEqual([
      'done',
      'error',
      'error',
    ]);
  });

  it('checks silently: no error appears at the questions', () => {
    const model = respondentModel();
    pageSteps(model, { submitRefused: true, errorPages: none });
    expect(model.getAllQuestions().flatMap((q) => q.errors)).toEqual([]);
  });

  it('marks the current page', () => {
    const model = respondentModel();
    model.currentPageNo = 2;
    expect(pageSteps(model, { submitRefused: false, errorPages: none }).map((s) => s.current)).toEqual([
      false,
      true,
      false,
    ]);
  });
});
