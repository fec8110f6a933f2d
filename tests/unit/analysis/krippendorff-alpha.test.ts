import { describe, expect, it } from 'vitest';
import { krippendorffAlphaNominal } from '../../../server/analysis/krippendorff-alpha.js';

describe('krippendorffAlphaNominal', () => {
  it('reproduces the nominal example of Krippendorff (2011), alpha = 0.743', () => {
    // "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing values
    // left out; unit 12 has one value and is not pairable.
    const units = [
      ['1', '1', '1'],
      ['2', '2', '3', '2'],
      ['3', '3', '3', '3'],
      ['3', '3', '3', '3'],
      ['2', '2', '2', '2'],
      ['1', '2', '3', '4'],
      ['4', '4', '4', '4'],
      ['1', '1', '2', '1'],
      ['2', '2', '2', '2'],
      ['5', '5', '5'],
      ['1', '1'],
      ['3'],
    ];
    const result = krippendorffAlphaNominal(units);
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect(result.units).toBe(11);
    expect(result.values).toBe(40);
  });

  it('matches a hand computation: (a,a), (a,b), (b,b) → 1 − 5·2/18 = 4/9', () => {
    // Coincidences: o_aa = 2, o_ab = o_ba = 1, o_bb = 2; n_a = n_b = 3, n = 6.
    expect(
      krippendorffAlphaNominal([
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'b'],
      ]).alpha,
    ).toBeCloseTo(4 / 9, 12);
  });

  it('is 1 for perfect agreement with variation between units', () => {
    expect(
      krippendorffAlphaNominal([
        ['ja', 'ja', 'ja'],
        ['nee', 'nee'],
      ]).alpha,
    ).toBe(1);
  });

  it('is undefined without variation or without pairable values', () => {
    expect(
      krippendorffAlphaNominal([
        ['ja', 'ja'],
        ['ja', 'ja', 'ja'],
      ]).alpha,
    ).toBeNull();
    expect(krippendorffAlphaNominal([['ja'], []]).alpha).toBeNull();
    expect(krippendorffAlphaNominal([]).alpha).toBeNull();
  });

  it('goes below zero for systematic disagreement', () => {
    expect(
      krippendorffAlphaNominal([
        ['ja', 'nee'],
        ['nee', 'ja'],
      ]).alpha,
    ).toBeLessThan(0);
  });
});
