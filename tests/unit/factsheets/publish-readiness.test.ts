import { describe, expect, it } from 'vitest';
import {
  allConclusionsEmpty,
  joinLabels,
  themeSubtitle,
  unjudgedIndicators,
} from '../../../client/src/inspector/factsheets/publish-readiness.js';

describe('joinLabels', () => {
  it.each([
    [[], ''],
    [['Toeleiding'], '‘Toeleiding’'],
    [['Toeleiding', 'Aanpak'], '‘Toeleiding’ en ‘Aanpak’'],
    [['Ontwikkeling 2014', 'Toeleiding', 'Continu'], '‘Ontwikkeling 2014’, ‘Toeleiding’ en ‘Continu’'],
  ])('%j → %s', (labels, expected) => {
    expect(joinLabels(labels)).toBe(expected);
  });
});

describe('unjudgedIndicators', () => {
  const analysis = (ids: string[]) =>
    ({ indicators: ids.map((id) => ({ id })) }) as unknown as Parameters<
      typeof unjudgedIndicators
    >[0]['analysis'];
  const judgments = (ids: string[]) =>
    ids.map((indicatorId) => ({ indicatorId })) as Parameters<typeof unjudgedIndicators>[0]['judgments'];

  it('lists the indicators in scope without a judgment, in framework order', () => {
    expect(
      unjudgedIndicators({ analysis: analysis(['T1', 'T2', 'A9']), judgments: judgments(['T2']) }),
    ).toEqual(['T1', 'A9']);
  });

  it('is empty when all are judged, and ignores judgments outside the scope (a follow-up)', () => {
    expect(unjudgedIndicators({ analysis: analysis(['A9']), judgments: judgments(['A9', 'T1']) })).toEqual(
      [],
    );
  });
});

describe('allConclusionsEmpty', () => {
  const framework = { themes: [{ id: 'toeleiding' }, { id: 'aanpak' }] } as Parameters<
    typeof allConclusionsEmpty
  >[0]['framework'];
  const conclusion = (themeId: string, goed: string, beter: string) =>
    ({ themeId, goed, beter }) as Parameters<typeof allConclusionsEmpty>[0]['conclusions'][number];

  it.each([
    ['no conclusions at all', [], true],
    ['only whitespace', [conclusion('toeleiding', '  ', '\n')], true],
    ['a theme no longer in the framework', [conclusion('oud', 'Veel.', '')], true],
    ['one "wat kan beter"', [conclusion('aanpak', '', 'A9.')], false],
  ])('%s → %s', (_label, conclusions, expected) => {
    expect(allConclusionsEmpty({ framework, conclusions })).toBe(expected);
  });
});

describe('themeSubtitle', () => {
  it.each([
    [
      'gezinnen zijn in beeld en worden bereikt met de aanpak',
      'Gezinnen zijn in beeld en worden bereikt met de aanpak',
    ],
    ['  de aanpak stelt het gezin centraal ', 'De aanpak stelt het gezin centraal'],
    ['ijverige teams', 'IJverige teams'],
    ['Al een hoofdletter', 'Al een hoofdletter'],
    ['', ''],
  ])('%s → %s', (description, expected) => {
    expect(themeSubtitle(description)).toBe(expected);
  });
});
