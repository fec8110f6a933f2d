// How `$eq`, `$in` and `$nin` compare the values a path reaches in a document (its query candidates)
// with the operand. `$in` with hundreds of ids (the overview loads 400 investigations at once) used to
// compare every candidate with every list value; the list is now hashed once per compiled query.
//
// Hashing is only used where a string key is provably equivalent to `valuesEqual`: null, strings,
// booleans, ObjectIds, dates and numbers of every representation (keyed by exact value). Every other
// list value (regexes, documents, arrays, Binary, Timestamp, …) keeps the pairwise comparison.
import { Decimal128, Double, Int32, Long, ObjectId } from 'bson';
import { valuesEqual } from '../bson-values.js';
import { decimalKey, doubleKey, longKey } from '../exact-numbers.js';

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

/** Key of a list value whose equality is exactly key equality, or undefined if it must be compared. */
export function listValueKey(v: unknown): string | undefined {
  if (v === null) return 'z';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return doubleKey(v);
    case 'boolean':
      return v ? 'bt' : 'bf';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (v instanceof ObjectId) return 'o' + v.toHexString();
  if (v instanceof Date) return 'd' + String(v.getTime());
  // Numbers of every representation are keyed by their exact value (exact-numbers.ts).
  if (v instanceof Double || v instanceof Int32) return doubleKey(v.value);
  if (v instanceof Long) return longKey(v);
  if (v instanceof Decimal128) return decimalKey(v);
  return undefined;
}

/**
 * Key of a document value for probing the hashed list. Any value without a key (array, document,
 * regex, Binary, …) cannot equal a hashed list value, since those are all scalars of other types.
 */
function candidateKey(c: unknown): string | undefined {
  return c === undefined ? 'z' : listValueKey(c);
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
