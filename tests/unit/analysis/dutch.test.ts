import { describe, expect, it } from 'vitest';
import {
  capitalise,
  composeSentence,
  describeSubject,
  formatDecimal,
  GEVEN_AAN,
  joinDutchList,
  numberWord,
  WETEN_NIET,
} from '../../../server/analysis/dutch.js';

describe('numberWord', () => {
  it.each([
    [0, 'nul'],
    [1, 'één'],
    [2, 'twee'],
    [3, 'drie'],
    [4, 'vier'],
    [12, 'twaalf'],
    [13, '13'],
    [1.5, '1.5'],
  ])('%d → %s', (count, word) => {
    expect(numberWord(count)).toBe(word);
  });
});

describe('capitalise', () => {
  it.each([
    ['één netwerkpartner', 'Eén netwerkpartner'],
    ['twee netwerkpartners', 'Twee netwerkpartners'],
    ['alle ondervraagden', 'Alle ondervraagden'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(capitalise(text)).toBe(expected);
  });
});

describe('joinDutchList', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a en b'],
    [['a', 'b', 'c'], 'a, b en c'],
  ])('%j → %j', (items, expected) => {
    expect(joinDutchList(items)).toBe(expected);
  });
});

it('formats decimals with a comma', () => {
  expect(formatDecimal(0.1234)).toBe('0,12');
});

describe('describeSubject', () => {
  const allFour = { municipality: true, partners: 3 };
  it.each([
    [{ municipality: true, partners: 3 }, allFour, 'alle ondervraagden', true],
    [{ municipality: true, partners: 0 }, allFour, 'de gemeente', false],
    [{ municipality: true, partners: 1 }, allFour, 'de gemeente en één netwerkpartner', true],
    [{ municipality: true, partners: 2 }, allFour, 'de gemeente en twee netwerkpartners', true],
    [{ municipality: false, partners: 1 }, allFour, 'één netwerkpartner', false],
    [{ municipality: false, partners: 2 }, allFour, 'twee netwerkpartners', true],
    [{ municipality: false, partners: 3 }, allFour, 'de netwerkpartners', true],
    [{ municipality: false, partners: 1 }, { municipality: true, partners: 1 }, 'de netwerkpartner', false],
    // Only the municipality was asked (a G-only question): not "alle ondervraagden".
    [{ municipality: true, partners: 0 }, { municipality: true, partners: 0 }, 'de gemeente', false],
  ])('%j of %j → %s', (group, answering, phrase, plural) => {
    expect(describeSubject(group, answering)).toEqual({ phrase, plural });
  });

  it('composes factsheet sentences', () => {
    const one = describeSubject({ municipality: false, partners: 1 }, allFour);
    const gAndOne = describeSubject({ municipality: true, partners: 1 }, allFour);
    expect(composeSentence(one, WETEN_NIET, 'of er afspraken zijn')).toBe(
      'Eén netwerkpartner weet niet of er afspraken zijn.',
    );
    expect(
      composeSentence(gAndOne, GEVEN_AAN, 'dat de doorzettingsmacht voor de regisseur geregeld is'),
    ).toBe(
      'De gemeente en één netwerkpartner geven aan dat de doorzettingsmacht voor de regisseur geregeld is.',
    );
  });
});
