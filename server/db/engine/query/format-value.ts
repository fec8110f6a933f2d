// Values written the way mongod writes a BSON element into an error message (`a: null`,
// `_id: ObjectId('…')`, `a: { b: 1 }`, `a: [ 1, 2 ]`), so that messages read like the server's.
import { Decimal128, Double, Long, ObjectId } from 'bson';
import { isPlainObject } from '../bson-values.js';

export function formatValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Double) return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
  if (v instanceof Long) return v.toString();
  if (v instanceof Decimal128) return `NumberDecimal("${v.toString()}")`;
  if (v instanceof ObjectId) return `ObjectId('${v.toHexString()}')`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[ ${v.map(formatValue).join(', ')} ]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    return `{ ${keys.map((k) => formatElement(k, v[k])).join(', ')} }`;
  }
  return String(v);
}

export function formatElement(name: string, v: unknown): string {
  return `${name}: ${formatValue(v)}`;
}
