// In-memory representation of BSON values and MongoDB's comparison rules over it.
//
// Documents are decoded with `promoteValues: false` and then normalised ONCE on the way in:
// - Int32 and Double become plain JS numbers, because mingo's operators only understand numbers, and the
//   bson serializer writes an integral number in int32 range as int32 and everything else as double;
// - the one ambiguous case, a double whose value is integral and in int32 range (e.g. 1.0), stays a
//   `Double` instance so that it round-trips as a double;
// - Long, Decimal128, ObjectId, Binary, Timestamp, … stay bson class instances.
// Everything that compares values (query operators, sort, index keys) goes through this module so that
// 1, Double(1) and Long(1) are equal, as they are in MongoDB; numbers compare by exact value
// (exact-numbers.ts), so Long(2^53 + 1) is not equal to the double 2^53.
import {
  Binary,
  Decimal128,
  Double,
  Int32,
  Long,
  ObjectId,
  Timestamp,
  MinKey,
  MaxKey,
  BSONRegExp,
} from 'bson';
import type { Document } from 'bson';
import { compareNumeric } from './exact-numbers.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function isPlainObject(v: unknown): v is Document {
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function normalizeNumber(value: number): number | Double {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0)
    ? new Double(value)
    : value;
}

/** Converts a freshly decoded (promoteValues: false) value into the in-memory representation, in place. */
export function normalizeValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Int32) return v.value;
  if (v instanceof Double) return normalizeNumber(v.value);
  // Decoded Binary values are views into the whole network message; copy so the message can be freed.
  if (v instanceof Binary)
    return new Binary(Uint8Array.prototype.slice.call(v.buffer, 0, v.position), v.sub_type);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = normalizeValue(v[i]);
    return v;
  }
  if (isPlainObject(v)) {
    for (const k of Object.keys(v)) v[k] = normalizeValue(v[k]);
    return v;
  }
  return v;
}

/** Deep copy of plain objects/arrays/dates; bson value objects are immutable in practice and shared. */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Document = {};
    for (const k of Object.keys(v)) out[k] = cloneValue((v as Document)[k]);
    return out as T;
  }
  return v;
}

export function cloneDoc(doc: Document): Document {
  return cloneValue(doc);
}

/** Numeric value of any BSON number representation, or undefined if `v` is not a number. */
export function numericValue(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof Double || v instanceof Int32) return v.value;
  if (v instanceof Long) return v.toNumber();
  if (v instanceof Decimal128) return Number(v.toString());
  return undefined;
}

export function isNumeric(v: unknown): boolean {
  return (
    typeof v === 'number' ||
    v instanceof Double ||
    v instanceof Int32 ||
    v instanceof Long ||
    v instanceof Decimal128
  );
}

/** MongoDB `$type` alias of a value ("missing" for undefined). */
export function bsonTypeName(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0) ? 'int' : 'double';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'long';
    default:
      break;
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp || v instanceof BSONRegExp) return 'regex';
  if (v instanceof ObjectId) return 'objectId';
  if (v instanceof Double) return 'double';
  if (v instanceof Int32) return 'int';
  if (v instanceof Long) return 'long';
  if (v instanceof Decimal128) return 'decimal';
  if (v instanceof Binary) return 'binData';
  if (v instanceof Timestamp) return 'timestamp';
  if (v instanceof MinKey) return 'minKey';
  if (v instanceof MaxKey) return 'maxKey';
  if (isPlainObject(v)) return 'object';
  return 'object';
}

const TYPE_CODES: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  javascript: 13,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};

/** Does `v` match a `$type` argument (alias, numeric code or "number")? */
export function matchesType(v: unknown, wanted: unknown): boolean {
  const actual = bsonTypeName(v);
  const w = numericValue(wanted);
  if (w !== undefined) return TYPE_CODES[actual] === w;
  if (wanted === 'number') return isNumeric(v);
  return actual === wanted;
}

// Canonical sort order of BSON type classes (MongoDB "Comparison/Sort Order").
function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1; // missing sorts with null
  if (v instanceof MinKey) return 0;
  if (v instanceof MaxKey) return 100;
  if (isNumeric(v)) return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (v instanceof Binary) return 6;
  if (v instanceof ObjectId) return 7;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  if (v instanceof Timestamp) return 10;
  if (v instanceof RegExp || v instanceof BSONRegExp) return 11;
  return 4; // embedded document
}

function cmpPrimitive(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return cmpPrimitive(a.length, b.length);
}

/** Total order over values following MongoDB's BSON comparison rules (arrays compared element-wise). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:
    case 0:
    case 100:
      return 0;
    case 2:
      return compareNumeric(a, b);
    case 3:
      return cmpPrimitive(a as string, b as string);
    case 5: {
      const xs = a as unknown[];
      const ys = b as unknown[];
      const n = Math.min(xs.length, ys.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(xs[i], ys[i]);
        if (c !== 0) return c;
      }
      return cmpPrimitive(xs.length, ys.length);
    }
    case 6: {
      const x = a as Binary;
      const y = b as Binary;
      if (x.position !== y.position) return cmpPrimitive(x.position, y.position);
      if (x.sub_type !== y.sub_type) return cmpPrimitive(x.sub_type, y.sub_type);
      return compareBytes(x.buffer.subarray(0, x.position), y.buffer.subarray(0, y.position));
    }
    case 7:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case 8:
      return cmpPrimitive(Number(a), Number(b));
    case 9:
      // An invalid Date (NaN time) must not compare equal to every date: order it like NaN numbers.
      return compareNumeric((a as Date).getTime(), (b as Date).getTime());
    case 10:
      return (a as Timestamp).compare(b as Timestamp);
    case 11:
      return cmpPrimitive(String(a), String(b));
    default: {
      // Embedded documents: field by field, name then value, in stored order.
      const x = a as Document;
      const y = b as Document;
      const kx = Object.keys(x);
      const ky = Object.keys(y);
      const n = Math.min(kx.length, ky.length);
      for (let i = 0; i < n; i++) {
        const ka = kx[i] as string;
        const kb = ky[i] as string;
        const t = compareValues(x[ka], y[kb]);
        const typeDiff = typeRank(x[ka]) - typeRank(y[kb]);
        if (typeDiff !== 0) return typeDiff < 0 ? -1 : 1;
        if (ka !== kb) return cmpPrimitive(ka, kb);
        if (t !== 0) return t;
      }
      return cmpPrimitive(kx.length, ky.length);
    }
  }
}

/** BSON equality as MongoDB's `$eq` sees it (numbers across representations, null ≠ missing here). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (typeRank(a) !== typeRank(b)) return false;
  if (a === null || b === null) return a === b;
  return compareValues(a, b) === 0;
}

/**
 * Same BSON bytes: same types, values and field order (MongoDB's no-op test for an update, under which
 * 5 → Double(5) or a reordered embedded document is a change, though `valuesEqual` holds).
 */
export function identical(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // Two JS numbers: int32 and double encode differently, and -0 is not 0.
    return false;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const ys = b as unknown[];
    return a.length === ys.length && a.every((x, i) => identical(x, ys[i]));
  }
  if (isPlainObject(a)) {
    const y = b as Document;
    const kx = Object.keys(a);
    const ky = Object.keys(y);
    return kx.length === ky.length && kx.every((k, i) => k === ky[i] && identical(a[k], y[k]));
  }
  if (a instanceof Double) return Object.is(a.value, (b as Double).value);
  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (a instanceof Decimal128) return Buffer.from(a.bytes).equals((b as Decimal128).bytes);
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof BSONRegExp) {
    const y = b as BSONRegExp;
    return a.pattern === y.pattern && a.options === y.options;
  }
  return compareValues(a, b) === 0;
}
