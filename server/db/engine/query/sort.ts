// Sort specifications compiled to a comparator over MongoDB's BSON ordering.
import type { Document } from 'bson';
import { compareValues, isPlainObject, numericValue } from '../bson-values.js';
import { badValue } from '../errors.js';
import { sortKey } from './paths.js';

export type SortField = { path: string; direction: 1 | -1 };

export function parseSort(spec: unknown): SortField[] {
  if (spec === undefined || spec === null) return [];
  if (!isPlainObject(spec)) throw badValue('sort must be an object');
  const fields: SortField[] = [];
  for (const [path, dir] of Object.entries(spec)) {
    const n = numericValue(dir);
    if (n === 1 || n === -1) {
      fields.push({ path, direction: n });
    } else if (isPlainObject(dir) && '$meta' in dir) {
      throw badValue(`$meta sort (${String(dir.$meta)}) is not supported by the embedded engine`);
    } else {
      throw badValue(
        `$sort key ordering must be 1 (for ascending) or -1 (for descending) for field '${path}'`,
      );
    }
  }
  return fields;
}

/** Sorts `docs` in place (stable). */
export function sortDocuments(docs: Document[], fields: SortField[]): Document[] {
  if (fields.length === 0 || docs.length < 2) return docs;
  // Decorate once: extracting keys inside the comparator would redo path walks O(n log n) times.
  const keyed = docs.map((doc, i) => ({
    doc,
    i,
    keys: fields.map((f) => sortKey(doc, f.path, f.direction)),
  }));
  keyed.sort((a, b) => {
    for (let k = 0; k < fields.length; k++) {
      const c = compareValues(a.keys[k], b.keys[k]);
      if (c !== 0) return c * (fields[k] as SortField).direction;
    }
    return a.i - b.i;
  });
  for (let i = 0; i < keyed.length; i++) docs[i] = (keyed[i] as { doc: Document }).doc;
  return docs;
}
