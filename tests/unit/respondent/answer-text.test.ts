import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { answerText } from '../../../client/src/respondent/answer-text.js';

const model = new Model({
  elements: [
    { type: 'comment', name: 'beschrijving' },
    {
      type: 'checkbox',
      name: 'kenmerken',
      choices: [
        { value: 'schulden', text: 'Schulden' },
        { value: 'huisvesting', text: 'Huisvesting' },
      ],
    },
    {
      type: 'paneldynamic',
      name: 'partners',
      templateElements: [{ type: 'text', name: 'org', title: 'Organisatie' }],
    },
  ],
});

describe('answerText', () => {
  it.each([
    ['beschrijving', 'Wijkteams', 'Wijkteams'],
    ['beschrijving', '', '(niet ingevuld)'],
    ['beschrijving', undefined, '(niet ingevuld)'],
    ['kenmerken', ['schulden', 'huisvesting'], 'Schulden, Huisvesting'],
    ['kenmerken', [], '(niet ingevuld)'],
    ['partners', [{ org: 'GGD' }, { org: 'Veilig Thuis' }], 'Organisatie: GGD\nOrganisatie: Veilig Thuis'],
    ['beschrijving-Comment', 'los commentaar', 'los commentaar'],
  ])('%s %j reads as %j', (name, value, expected) => {
    expect(answerText(model, name, value)).toBe(expected);
  });

  it('shows a value that is not the question’s current one (the other side of a conflict)', () => {
    model.setValue('kenmerken', ['schulden']);
    expect(answerText(model, 'kenmerken', ['huisvesting'])).toBe('Huisvesting');
  });
});
