// Hashable string keys for index maps. Two values get the same key exactly when MongoDB treats them as
// equal for an index: 1, 1.0 and Long(1) collide; null and a missing field collide; numbers are keyed
// by their exact value (exact-numbers.ts), so distinct Longs beyond 2^53 never collide.
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from 'bson';
import type { Document } from 'bson';
import { isPlainObject } from '../bson-values.js';
import { decimalKey, doubleKey, longKey } from '../exact-numbers.js';

export function valueKey(v: unknown): string {
  if (v === undefined || v === null) return 'z';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return doubleKey(v);
    case 'boolean':
      return v ? 'bt' : 'bf';
    default:
      break;
  }
  if (v instanceof ObjectId) return 'o' + v.toHexString();
  if (v instanceof Date) return 'd' + String(v.getTime());
  if (v instanceof Long) return longKey(v);
  if (v instanceof Decimal128) return decimalKey(v);
  if (v instanceof Double || v instanceof Int32) return doubleKey(v.value);
  if (v instanceof Binary)
    return 'x' + String(v.sub_type) + ':' + Buffer.from(v.buffer.subarray(0, v.position)).toString('base64');
  if (v instanceof Timestamp) return 't' + v.toString();
  if (v instanceof RegExp) return 'r' + String(v);
  if (Array.isArray(v)) return 'a[' + v.map(valueKey).join(',') + ']';
  if (isPlainObject(v)) {
    return (
      '{' +
      Object.keys(v)
        .map((k) => JSON.stringify(k) + ':' + valueKey((v as Document)[k]))
        .join(',') +
      '}'
    );
  }
  return 'u' + String(v);
}

/**
 * All values a dotted path reaches in a document, expanding arrays along the way and at the end (as a
 * multikey index does). Missing → [undefined]. Empty array at the end → [undefined].
 */
export function pathValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  if (out.length === 0) out.push(undefined);
  return out;
}

function collect(v: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(v)) {
      for (const e of v) out.push(e);
    } else {
      out.push(v);
    }
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(v)) {
    // Numeric path component addresses an element; otherwise descend into each element.
    if (/^\d+$/.test(part)) {
      collect(v[Number(part)], parts, i + 1, out);
    }
    for (const e of v) {
      if (isPlainObject(e)) collect(e[part], parts, i + 1, out);
    }
    return;
  }
  if (isPlainObject(v)) {
    collect(v[part], parts, i + 1, out);
    return;
  }
  out.push(undefined);
}

/** Whether the field exists at all (for sparse indexes: a missing field is not indexed). */
export function hasPath(doc: Document, path: string): boolean {
  return pathValues(doc, path).some((v) => v !== undefined);
}
