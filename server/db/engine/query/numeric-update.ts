// The values $inc, $mul, $min and $max store, computed as MongoDB does. mingo only does JS-number
// arithmetic (int32 + int32 stays a JS number even past 2^31, a Double or Long argument becomes a plain
// number) and compares with its own ordering; MongoDB keeps BSON number types: the result has the
// wider type of target and argument (int32 < int64 < double), int32 overflow widens to int64, and
// $min/$max compare in BSON order and store the argument as given.
// In memory (bson-values.ts): int32 is an integral JS number in int32 range, a double is any other JS
// number or a Double instance (for integral values in int32 range), int64 is a Long.
import { Decimal128, Double, Long, type Document } from 'bson';
import { cloneValue, compareValues } from '../bson-values.js';
import { notSupported } from '../errors.js';

type Kind = 'int' | 'long' | 'double';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function kindOf(v: number | Double | Long): Kind {
  if (v instanceof Long) return 'long';
  if (v instanceof Double) return 'double';
  return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0) ? 'int' : 'double';
}

function wider(a: Kind, b: Kind): Kind {
  if (a === 'double' || b === 'double') return 'double';
  return a === 'long' || b === 'long' ? 'long' : 'int';
}

function asDouble(v: number | Double | Long): number {
  if (v instanceof Long) return v.toNumber();
  return v instanceof Double ? v.value : v;
}

function asBigInt(v: number | Long): bigint {
  return v instanceof Long ? v.toBigInt() : BigInt(v);
}

/** A double result in the in-memory representation (Double for the integral int32-range values). */
function doubleValue(x: number): number | Double {
  return Number.isInteger(x) && x >= INT32_MIN && x <= INT32_MAX && !Object.is(x, -0) ? new Double(x) : x;
}

function checkNumber(op: string, v: unknown): v is number | Double | Long {
  if (v instanceof Decimal128) throw notSupported(`${op} with a Decimal128 value`);
  return typeof v === 'number' || v instanceof Double || v instanceof Long;
}

/** $inc / $mul: the stored result for `target` (undefined when missing) and the statement's argument. */
export function arithmeticResult(op: '$inc' | '$mul', target: unknown, arg: unknown): unknown {
  if (!checkNumber(op, arg)) return target; // refused earlier (CompiledUpdate / update-targets.ts)
  const argKind = kindOf(arg);
  if (target === undefined) {
    // A missing field is created with the argument ($inc) or with 0 ($mul), of the argument's type.
    if (op === '$inc') return argKind === 'double' ? doubleValue(asDouble(arg)) : arg;
    return argKind === 'long' ? Long.fromNumber(0) : argKind === 'double' ? doubleValue(0) : 0;
  }
  if (!checkNumber(op, target)) return target;
  const kind = wider(kindOf(target), argKind);
  if (kind === 'int') {
    // Two int32s: the JS result is exact up to 2^53; past int32 range MongoDB widens to int64.
    const r = op === '$inc' ? (target as number) + (arg as number) : (target as number) * (arg as number);
    if (r >= INT32_MIN && r <= INT32_MAX) return r === 0 ? 0 : r;
    if (Number.isSafeInteger(r)) return Long.fromNumber(r);
  } else if (kind === 'double') {
    const x = asDouble(target);
    const y = asDouble(arg);
    return doubleValue(op === '$inc' ? x + y : x * y);
  }
  const x = asBigInt(target as number | Long);
  const y = asBigInt(arg as number | Long);
  const result = op === '$inc' ? x + y : x * y;
  if (kind === 'int' && result >= BigInt(INT32_MIN) && result <= BigInt(INT32_MAX)) return Number(result);
  if (result >= INT64_MIN && result <= INT64_MAX) return Long.fromBigInt(result);
  throw notSupported(`${op} overflowing a 64-bit integer`);
}

/** $min / $max: the argument when it is below (above) the current value or the field is missing. */
export function boundResult(op: '$min' | '$max', target: unknown, arg: unknown): unknown {
  if (target instanceof Decimal128 || arg instanceof Decimal128)
    throw notSupported(`${op} with a Decimal128 value`);
  if (target === undefined) return cloneValue(arg);
  const c = compareValues(arg, target);
  return (op === '$min' ? c < 0 : c > 0) ? cloneValue(arg) : target;
}

/** The value any of the four operators stores. */
export function numericUpdateResult(op: string, target: unknown, arg: unknown): unknown {
  if (op === '$inc' || op === '$mul') return arithmeticResult(op, target, arg);
  if (op === '$min' || op === '$max') return boundResult(op, target, arg);
  throw new Error(`not a numeric update operator: ${op}`);
}

/** mingo's copy of a modifier: Double/Long arguments of these operators as JS numbers, which it needs. */
export function mingoArguments(modifier: Document, ops: readonly string[]): Document {
  let copy: Document | undefined;
  for (const op of ops) {
    const fields = modifier[op] as Document | undefined;
    if (!fields) continue;
    for (const [path, arg] of Object.entries(fields)) {
      if (!(arg instanceof Double || arg instanceof Long)) continue;
      copy ??= { ...modifier };
      if (copy[op] === fields) copy[op] = { ...fields };
      (copy[op] as Document)[path] = asDouble(arg);
    }
  }
  return copy ?? modifier;
}
