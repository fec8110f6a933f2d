// What a query predicate on a dotted path "sees" in a document, following MongoDB's array rules:
// a path reaching an array yields the array itself and each of its elements; a field name applied to
// an array of documents descends into every element; a numeric component also addresses an element.
import type { Document } from 'bson';
import { compareValues, isPlainObject } from '../bson-values.js';
import { pathValues } from '../catalog/index-key.js';

export function queryCandidates(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  walk(doc, path.split('.'), 0, out);
  return out;
}

function walk(v: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    out.push(v);
    if (Array.isArray(v)) for (const e of v) out.push(e);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(v)) {
    if (/^\d+$/.test(part)) walk(v[Number(part)], parts, i + 1, out);
    for (const e of v) if (isPlainObject(e)) walk(e[part], parts, i + 1, out);
    if (v.length === 0) out.push(undefined);
    return;
  }
  if (isPlainObject(v)) {
    walk(v[part], parts, i + 1, out);
    return;
  }
  out.push(undefined);
}

/** The value a document sorts by for one sort key: min element ascending, max element descending. */
export function sortKey(doc: Document, path: string, direction: 1 | -1): unknown {
  const values = pathValues(doc, path);
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    const c = compareValues(values[i], best);
    if (direction === 1 ? c < 0 : c > 0) best = values[i];
  }
  return best;
}

/** Reads a plain (non-array-expanding) dotted path, as used for `_id` and update upserts. */
export function getPath(doc: Document, path: string): unknown {
  let v: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(v) && /^\d+$/.test(part)) v = v[Number(part)];
    else if (isPlainObject(v)) v = v[part];
    else return undefined;
  }
  return v;
}

export function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Document = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const next: unknown = cur[part];
    if (isPlainObject(next) || Array.isArray(next)) {
      cur = next as Document;
    } else {
      const created: Document = {};
      cur[part] = created;
      cur = created;
    }
  }
  cur[parts[parts.length - 1] as string] = value;
}
