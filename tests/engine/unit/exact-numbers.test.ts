// Numbers compare by exact value across int32/int64/double/decimal128, as in MongoDB; hash keys (index
// maps, `$in` lists, `_id` map) must be equal exactly when the comparison says equal.
import { describe, expect, it } from 'vitest';
import { Decimal128, Double, Int32, Long } from 'bson';
import { compareValues, valuesEqual } from '../../../server/db/engine/bson-values.js';
import { valueKey } from '../../../server/db/engine/catalog/index-key.js';
import { compareNumeric } from '../../../server/db/engine/exact-numbers.js';

const L = (s: string): Long => Long.fromString(s);
const D = (s: string): Decimal128 => Decimal128.fromString(s);

/** Each row holds values equal to each other; rows are in ascending order. */
const ASCENDING: unknown[][] = [
  [NaN, D('NaN'), new Double(NaN)],
  [-Infinity, D('-Infinity')],
  [L('-9223372036854775808'), -(2 ** 63), D('-9223372036854775808')],
  [L('-9223372036854775807')],
  [-(2 ** 53) - 2, L('-9007199254740994')],
  [L('-9007199254740993'), D('-9007199254740993')],
  [-(2 ** 53), L('-9007199254740992')],
  [-7, new Int32(-7), L('-7'), D('-7.000')],
  [-0.5, D('-0.5')],
  [0, -0, new Double(0), L('0'), D('0'), D('-0'), D('0E+10')],
  [D('1E-400')],
  [D('0.1')],
  [0.1],
  [D('0.1000000000000000055511151231257828')],
  [1, new Double(1), new Int32(1), L('1'), D('1'), D('1.0'), D('1.00000')],
  [1.5, D('1.5'), D('15E-1')],
  [2 ** 31, new Double(2 ** 31), L('2147483648')],
  [2 ** 53, L('9007199254740992'), D('9007199254740992')],
  [L('9007199254740993'), D('9007199254740993')],
  [2 ** 53 + 2, L('9007199254740994'), D('9.007199254740994E+15')],
  [2 ** 60, L('1152921504606846976'), D('1152921504606846976')],
  [L('1152921504606846977'), D('1152921504606846977')],
  [L('9223372036854775807'), D('9223372036854775807')],
  [2 ** 63, D('9223372036854775808')],
  [D('1E+300')],
  [D('1.000000000000000052504760255204420E+300')],
  [1e300],
  [D('1E+400')],
  [Infinity, D('Infinity')],
];

describe('exact numeric comparison', () => {
  const all = ASCENDING.flatMap((row, rank) => row.map((value) => ({ value, rank })));

  it('orders and equates every pair by exact value', () => {
    const wrong: string[] = [];
    for (const a of all) {
      for (const b of all) {
        const expected = Math.sign(a.rank - b.rank);
        const got = compareValues(a.value, b.value);
        if (got !== expected)
          wrong.push(`${String(a.value)} vs ${String(b.value)}: ${got}, want ${expected}`);
        if (valuesEqual(a.value, b.value) !== (expected === 0))
          wrong.push(`equal ${String(a.value)} ${String(b.value)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keys two numbers alike exactly when they are equal', () => {
    const wrong: string[] = [];
    for (const a of all) {
      for (const b of all) {
        if ((valueKey(a.value) === valueKey(b.value)) !== (a.rank === b.rank))
          wrong.push(
            `${String(a.value)} (${valueKey(a.value)}) vs ${String(b.value)} (${valueKey(b.value)})`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('distinguishes Longs that share a double', () => {
    const a = L('9007199254740993');
    const b = L('9007199254740992');
    expect(a.toNumber()).toBe(b.toNumber());
    expect(compareNumeric(a, b)).toBe(1);
    expect(compareNumeric(a, 2 ** 53)).toBe(1);
    expect(compareNumeric(2 ** 53, a)).toBe(-1);
    expect(valueKey(a)).not.toBe(valueKey(2 ** 53));
  });
});
