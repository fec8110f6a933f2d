import { describe, expect, it } from 'vitest';
import { changedQuestions, valuesEqual } from '../../../client/src/respondent/answers.js';
import { mergeAnswers, preferLocal } from '../../../client/src/respondent/merge-answers.js';

describe('mergeAnswers', () => {
  const base = { aanpak_naam: 'Wijkteams', eigen_kracht: 'ja', doelen: ['escalatie_voorkomen'] };

  it.each([
    {
      case: 'no changes anywhere',
      local: base,
      server: base,
      expected: { kind: 'merged', data: base, fromServer: [] },
    },
    {
      case: 'only local changes',
      local: { ...base, eigen_kracht: 'nee' },
      server: base,
      expected: { kind: 'merged', data: { ...base, eigen_kracht: 'nee' }, fromServer: [] },
    },
    {
      case: 'only server changes',
      local: base,
      server: { ...base, aanpak_naam: 'Sociale wijkteams' },
      expected: {
        kind: 'merged',
        data: { ...base, aanpak_naam: 'Sociale wijkteams' },
        fromServer: ['aanpak_naam'],
      },
    },
    {
      case: 'disjoint changes on both sides',
      local: { ...base, eigen_kracht: 'nee' },
      server: { ...base, aanpak_naam: 'Sociale wijkteams', regie_gemeente: 'ja' },
      expected: {
        kind: 'merged',
        data: { ...base, eigen_kracht: 'nee', aanpak_naam: 'Sociale wijkteams', regie_gemeente: 'ja' },
        fromServer: ['aanpak_naam', 'regie_gemeente'],
      },
    },
    {
      case: 'the same change on both sides is no conflict',
      local: { ...base, doelen: ['escalatie_voorkomen', 'veiligheid_kinderen'] },
      server: { ...base, doelen: ['escalatie_voorkomen', 'veiligheid_kinderen'] },
      expected: {
        kind: 'merged',
        data: { ...base, doelen: ['escalatie_voorkomen', 'veiligheid_kinderen'] },
        fromServer: [],
      },
    },
    {
      case: 'a local deletion survives a disjoint server change',
      local: { aanpak_naam: 'Wijkteams', doelen: ['escalatie_voorkomen'] },
      server: { ...base, regie_gemeente: 'nee' },
      expected: {
        kind: 'merged',
        data: { aanpak_naam: 'Wijkteams', doelen: ['escalatie_voorkomen'], regie_gemeente: 'nee' },
        fromServer: ['regie_gemeente'],
      },
    },
    {
      case: 'a server deletion is taken over',
      local: { ...base, regie_gemeente: 'ja' },
      server: { aanpak_naam: 'Wijkteams', doelen: ['escalatie_voorkomen'] },
      expected: {
        kind: 'merged',
        data: { aanpak_naam: 'Wijkteams', doelen: ['escalatie_voorkomen'], regie_gemeente: 'ja' },
        fromServer: ['eigen_kracht'],
      },
    },
  ])('$case', ({ local, server, expected }) => {
    expect(mergeAnswers(base, local, server)).toEqual(expected);
  });

  it('reports a conflict when both sides changed the same question differently', () => {
    const result = mergeAnswers(
      base,
      { ...base, eigen_kracht: 'nee', aanpak_naam: 'Mijn naam' },
      { ...base, eigen_kracht: 'weet_niet', regie_gemeente: 'ja' },
    );
    expect(result).toEqual({
      kind: 'conflict',
      questions: ['eigen_kracht'],
      keepMine: { ...base, eigen_kracht: 'nee', aanpak_naam: 'Mijn naam', regie_gemeente: 'ja' },
      takeTheirs: { ...base, eigen_kracht: 'weet_niet', regie_gemeente: 'ja' },
    });
  });

  it('treats a local deletion against a server edit of the same question as a conflict', () => {
    const result = mergeAnswers(base, { ...base, eigen_kracht: undefined }, { ...base, eigen_kracht: 'nee' });
    expect(result.kind).toBe('conflict');
    if (result.kind === 'conflict') {
      expect(result.questions).toEqual(['eigen_kracht']);
      expect(result.keepMine).not.toHaveProperty('eigen_kracht');
    }
  });

  it('compares nested panel answers structurally, regardless of key order', () => {
    const panels = [{ organisatie: 'GGD', email: 'a@ggd.nl' }];
    const result = mergeAnswers(
      { netwerkpartners: panels },
      { netwerkpartners: [{ email: 'a@ggd.nl', organisatie: 'GGD' }] },
      { netwerkpartners: panels, eigen_kracht: 'ja' },
    );
    expect(result).toEqual({
      kind: 'merged',
      data: { netwerkpartners: [{ email: 'a@ggd.nl', organisatie: 'GGD' }], eigen_kracht: 'ja' },
      fromServer: ['eigen_kracht'],
    });
  });
});

describe('answer helpers', () => {
  it('valuesEqual ignores undefined members and key order, not array order', () => {
    expect(valuesEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(valuesEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(valuesEqual(null, {})).toBe(false);
    expect(valuesEqual([], {})).toBe(false);
  });

  it('changedQuestions lists additions, edits and deletions', () => {
    expect(changedQuestions({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, d: 4 }).sort()).toEqual(['b', 'c', 'd']);
  });

  it('preferLocal lays local changes over the server copy', () => {
    expect(preferLocal({ a: 1, b: 1 }, { a: 2 }, { a: 3, b: 1, c: 3 })).toEqual({ a: 2, c: 3 });
  });
});
