// MongoDB compares numbers by their exact value across int32, int64, double and decimal128: a Long
// beyond 2^53 is not equal to the nearest double, NumberDecimal("0.1") is not equal to the double 0.1,
// and NumberLong(5) equals 5.0. JS doubles cannot hold all of those values, so comparisons that a double
// cannot decide are made on exact rationals (BigInt), and hash keys are built from exact digits.
// The common cases (two doubles, two Longs, a Long within ±2^53) never leave the fast paths.
import { Decimal128, Long } from 'bson';

type Exact =
  | { kind: 'nan' }
  | { kind: 'inf'; sign: 1 | -1 }
  /** The value n × 2^p2 × 10^p10. */
  | { kind: 'finite'; n: bigint; p2: number; p10: number };

const NAN: Exact = { kind: 'nan' };
const scratch = new DataView(new ArrayBuffer(8));

function exactOfDouble(x: number): Exact {
  if (Number.isNaN(x)) return NAN;
  if (!Number.isFinite(x)) return { kind: 'inf', sign: x > 0 ? 1 : -1 };
  if (Number.isSafeInteger(x)) return { kind: 'finite', n: BigInt(x), p2: 0, p10: 0 };
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  // Subnormals have no implicit leading bit and the smallest exponent.
  if (biased !== 0) mantissa |= 1n << 52n;
  const p2 = (biased === 0 ? 1 : biased) - 1075;
  return { kind: 'finite', n: x < 0 ? -mantissa : mantissa, p2, p10: 0 };
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:E([+-]\d+))?$/;

function exactOfDecimal(d: Decimal128): Exact {
  const text = d.toString();
  if (text.endsWith('NaN')) return NAN;
  if (text.endsWith('Infinity')) return { kind: 'inf', sign: text.startsWith('-') ? -1 : 1 };
  const m = DECIMAL_TEXT.exec(text);
  if (!m) throw new Error(`unexpected Decimal128 text ${text}`);
  const fraction = m[3] ?? '';
  const digits = BigInt((m[2] as string) + fraction);
  return {
    kind: 'finite',
    n: m[1] === '-' ? -digits : digits,
    p2: 0,
    p10: Number(m[4] ?? '0') - fraction.length,
  };
}

function exactOf(v: unknown): Exact {
  if (typeof v === 'number') return exactOfDouble(v);
  if (v instanceof Long) return { kind: 'finite', n: v.toBigInt(), p2: 0, p10: 0 };
  if (v instanceof Decimal128) return exactOfDecimal(v);
  const value = (v as { value?: unknown } | null)?.value;
  return typeof value === 'number' ? exactOfDouble(value) : NAN;
}

function sign(n: bigint): number {
  return n < 0n ? -1 : n > 0n ? 1 : 0;
}

function compareExact(a: Exact, b: Exact): number {
  // MongoDB orders NaN below every other number, and all NaNs equal.
  if (a.kind === 'nan') return b.kind === 'nan' ? 0 : -1;
  if (b.kind === 'nan') return 1;
  if (a.kind === 'inf') return b.kind === 'inf' && b.sign === a.sign ? 0 : a.sign;
  if (b.kind === 'inf') return -b.sign;
  const sa = sign(a.n);
  const sb = sign(b.n);
  if (sa !== sb || sa === 0) return sa < sb ? -1 : sa > sb ? 1 : 0;
  const p2 = Math.min(a.p2, b.p2);
  const p10 = Math.min(a.p10, b.p10);
  const x = (a.n << BigInt(a.p2 - p2)) * 10n ** BigInt(a.p10 - p10);
  const y = (b.n << BigInt(b.p2 - p2)) * 10n ** BigInt(b.p10 - p10);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Long against a double, exactly: by the Long's (monotonically) rounded value unless that ties. */
function compareLongToDouble(l: Long, d: number): number {
  if (Number.isNaN(d)) return 1;
  const rounded = l.toNumber();
  if (rounded !== d) return rounded < d ? -1 : 1;
  if (Number.isSafeInteger(rounded)) return 0;
  // A tie beyond 2^53: d is an integer (every double that large is), at most 2^63.
  const exact = l.toBigInt();
  const other = BigInt(d);
  return exact < other ? -1 : exact > other ? 1 : 0;
}

/** Double value of a number or bson Double/Int32 (both have `.value`), or undefined. */
function plainDouble(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof Long || v instanceof Decimal128) return undefined;
  const value = (v as { value?: unknown } | null)?.value;
  return typeof value === 'number' ? value : undefined;
}

/** Exact order of two numeric values of any BSON representation (NaN lowest). */
export function compareNumeric(a: unknown, b: unknown): number {
  const x = plainDouble(a);
  const y = plainDouble(b);
  if (x !== undefined && y !== undefined) {
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
    if (Number.isNaN(y)) return 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a instanceof Long) {
    if (b instanceof Long) return a.compare(b);
    if (y !== undefined) return compareLongToDouble(a, y);
  } else if (b instanceof Long && x !== undefined) {
    return -compareLongToDouble(b, x);
  }
  return compareExact(exactOf(a), exactOf(b));
}

// Hash keys: two numbers get the same key exactly when compareNumeric says they are equal. Integers
// are written with all their digits (String(2 ** 60) would round them), other doubles as JS writes
// them (the shortest text that reads back as the same double).

export function doubleKey(x: number): string {
  if (x === 0) return 'n0';
  if (Number.isInteger(x) && !Number.isSafeInteger(x)) return 'n' + BigInt(x).toString();
  return 'n' + String(x);
}

export function longKey(l: Long): string {
  const n = l.toNumber();
  return Number.isSafeInteger(n) ? 'n' + String(n) : 'n' + l.toString();
}

export function decimalKey(d: Decimal128): string {
  const exact = exactOfDecimal(d);
  if (exact.kind === 'nan') return 'nNaN';
  if (exact.kind === 'inf') return exact.sign > 0 ? 'nInfinity' : 'n-Infinity';
  let { n, p10 } = exact;
  if (n === 0n) return 'n0';
  while (n % 10n === 0n) {
    n /= 10n;
    p10 += 1;
  }
  if (p10 >= 0) return 'n' + (n * 10n ** BigInt(p10)).toString();
  // A fraction: shares the key of the double it equals exactly, if there is one.
  const nearest = Number(d.toString());
  if (compareExact({ kind: 'finite', n, p2: 0, p10 }, exactOfDouble(nearest)) === 0)
    return doubleKey(nearest);
  return `nD${n.toString()}e${p10}`;
}
