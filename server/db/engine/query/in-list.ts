// How `$eq`, `$in` and `$nin` compare the values a path reaches in a document (its query candidates)
// with the operand. `$in` with hundreds of ids (the overview loads 400 investigations at once) used to
// compare every candidate with every list value; the list is now hashed once per compiled query.
//
// Hashing is only used where a string key is provably equivalent to `valuesEqual`: null, strings,
// booleans, ObjectIds, dates and numbers whose double value is exact. Every other list value (regexes,
// documents, arrays, Decimal128, Longs beyond 2^53, Binary, Timestamp, …) keeps the pairwise comparison.
import { Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import { numericValue, valuesEqual } from '../bson-values.js';

export type CandidatesMatcher = (candidates: readonly unknown[]) => boolean;

/** `$eq` semantics: null also matches a missing field; a regex operand matches only the same regex. */
export function eqMatch(candidates: readonly unknown[], value: unknown): boolean {
  if (value === null) return candidates.some((c) => c === null || c === undefined);
  if (value instanceof RegExp)
    return candidates.some((c) => c instanceof RegExp && String(c) === String(value));
  return candidates.some((c) => valuesEqual(c, value));
}

/** `$in` by pairwise comparison: a regex in the list matches strings, every other value as `$eq`. */
export function inMatchByComparison(candidates: readonly unknown[], values: readonly unknown[]): boolean {
  for (const v of values) {
    if (v instanceof RegExp) {
      if (candidates.some((c) => typeof c === 'string' && v.test(c))) return true;
    } else if (eqMatch(candidates, v)) {
      return true;
    }
  }
  return false;
}

// valuesEqual compares numbers of any representation by their double value (Long with Long exactly),
// and -0 equals 0, NaN equals NaN: one key per double value, with -0 folded into 0.
function numberKey(n: number): string {
  return n === 0 ? 'n0' : 'n' + String(n);
}

/** Key of a list value whose equality is exactly key equality, or undefined if it must be compared. */
export function listValueKey(v: unknown): string | undefined {
  if (v === null) return 'z';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return numberKey(v);
    case 'boolean':
      return v ? 'bt' : 'bf';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (v instanceof ObjectId) return 'o' + v.toHexString();
  if (v instanceof Date) return 'd' + String(v.getTime());
  if (v instanceof Double || v instanceof Int32) return numberKey(v.value);
  // Two Longs compare exactly; only a Long with an exact double twin may share a key with doubles.
  if (v instanceof Long) {
    const n = v.toNumber();
    return Number.isSafeInteger(n) ? numberKey(n) : undefined;
  }
  return undefined;
}

/**
 * Key of a document value for probing the hashed list. Any value without a key (array, document,
 * regex, Binary, …) cannot equal a hashed list value, since those are all scalars of other types.
 * Long and Decimal128 values equal a double exactly when their double value does (see valuesEqual).
 */
function candidateKey(c: unknown): string | undefined {
  if (c === undefined) return 'z';
  const key = listValueKey(c);
  if (key !== undefined) return key;
  if (c instanceof Long || c instanceof Decimal128) return numberKey(numericValue(c) ?? NaN);
  return undefined;
}

/** Compiles an `$in` list once: hashed keys for the scalars, pairwise comparison for the rest. */
export function compileInList(values: readonly unknown[]): CandidatesMatcher {
  const keys = new Set<string>();
  const rest: unknown[] = [];
  for (const v of values) {
    const key = listValueKey(v);
    if (key === undefined) rest.push(v);
    else keys.add(key);
  }
  if (keys.size === 0) return (candidates) => inMatchByComparison(candidates, rest);
  return (candidates) => {
    for (const c of candidates) {
      const key = candidateKey(c);
      if (key !== undefined && keys.has(key)) return true;
    }
    return rest.length > 0 && inMatchByComparison(candidates, rest);
  };
}
