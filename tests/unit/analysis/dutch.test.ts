import { describe, expect, it } from 'vitest';
import {
  capitalise,
  composeSentence,
  describeSubject,
  formatDecimal,
  GEVEN_AAN,
  HEBBEN_NIET_AANGEGEVEN,
  joinDutchList,
  numberWord,
  partnerShare,
  thereIs,
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
    // The municipality did not answer: all partners are not "alle ondervraagden".
    [{ municipality: false, partners: 2 }, { municipality: false, partners: 2 }, 'de netwerkpartners', true],
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

describe('partnerShare', () => {
  it.each([
    [1, 1, 'de netwerkpartner', false],
    [1, 2, 'één van de twee netwerkpartners', false],
    [2, 2, 'beide netwerkpartners', true],
    [1, 3, 'één van de drie netwerkpartners', false],
    [2, 3, 'twee van de drie netwerkpartners', true],
    [3, 3, 'alle drie de netwerkpartners', true],
    [0, 3, 'geen van de drie netwerkpartners', false],
    [0, 1, 'geen netwerkpartner', false],
  ])('%d of %d → %s', (count, of, phrase, plural) => {
    expect(partnerShare(count, of)).toEqual({ phrase, plural });
  });
});

describe('thereIs', () => {
  const tegenspraak = { phrase: 'tegenspraak', plural: false };
  const antwoorden = { phrase: 'uiteenlopende antwoorden', plural: true };
  it.each([
    [[tegenspraak], 'er is tegenspraak'],
    [[antwoorden], 'er zijn uiteenlopende antwoorden'],
    [[tegenspraak, { phrase: 'een risico', plural: false }], 'er zijn tegenspraak en een risico'],
  ])('%j → %s', (items, expected) => {
    expect(thereIs(items)).toBe(expected);
  });
});

it('says "geen van de ondervraagden" instead of a negation after "alle ondervraagden"', () => {
  const everyone = describeSubject({ municipality: true, partners: 2 }, { municipality: true, partners: 2 });
  expect(composeSentence(everyone, WETEN_NIET, 'of er afspraken zijn')).toBe(
    'Geen van de ondervraagden weet of er afspraken zijn.',
  );
  expect(composeSentence(everyone, HEBBEN_NIET_AANGEGEVEN, 'of er afspraken zijn')).toBe(
    'Geen van de ondervraagden heeft aangegeven of er afspraken zijn.',
  );
  expect(composeSentence(everyone, GEVEN_AAN, 'dat er afspraken zijn')).toBe(
    'Alle ondervraagden geven aan dat er afspraken zijn.',
  );
});
