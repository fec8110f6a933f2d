// Compiles a query filter into a matcher plus an access path: an equality or `$in` on `_id` or on the
// first field of an index (a compound index's prefix too) is answered from hash maps; everything else
// scans the collection.
import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { isPlainObject, valuesEqual } from '../bson-values.js';
import type { Collection } from '../catalog/collection.js';
import { badValue } from '../errors.js';
import { queryOptions } from './mingo-context.js';
import { queryCandidates } from './paths.js';

export type CompiledFilter = {
  readonly empty: boolean;
  test(doc: Document): boolean;
  /** Matching documents in natural order (or index order for a lookup). */
  select(coll: Collection | undefined): Document[];
};

/** A value an index can look up: scalars only (null matches missing fields, which are not all indexed). */
function isLookupValue(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v !== 'object') return true;
  return !Array.isArray(v) && !isPlainObject(v) && !(v instanceof RegExp);
}

type Lookup = { field: string; values: unknown[] };

/** Equality conditions usable for an index lookup, from the top level and top-level `$and`. */
function equalityConditions(filter: Document, out: Lookup[]): void {
  for (const [field, cond] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) equalityConditions(sub, out);
      continue;
    }
    if (field.startsWith('$')) continue;
    if (isLookupValue(cond)) {
      out.push({ field, values: [cond] });
    } else if (isPlainObject(cond)) {
      if ('$eq' in cond && isLookupValue(cond.$eq)) out.push({ field, values: [cond.$eq] });
      const inList: unknown = cond.$in;
      // Any length: hash lookups cost per value, a scan costs per document (overview: 1,600 ids).
      if (Array.isArray(inList) && inList.every(isLookupValue)) {
        out.push({ field, values: inList });
      }
    }
  }
}

function lookupCandidates(coll: Collection, lookups: Lookup[]): Document[] | undefined {
  // `_id` first: the primary map always exists and yields at most one document per value.
  const ordered = [...lookups.filter((l) => l.field === '_id'), ...lookups.filter((l) => l.field !== '_id')];
  for (const { field, values } of ordered) {
    const found = coll.lookupEqual(field, values);
    if (found) return found;
  }
  return undefined;
}

/**
 * Most application filters are conjunctions of scalar equalities (`{_id}`, `{tokenHash}`, `{_id, __v}`).
 * Those are matched directly: building a mingo Query costs more than the lookup itself.
 */
function simpleEqualityPredicate(filter: Document): ((doc: Document) => boolean) | undefined {
  const conditions: [string, unknown][] = [];
  for (const [field, cond] of Object.entries(filter)) {
    if (field.startsWith('$')) return undefined;
    if (isLookupValue(cond)) conditions.push([field, cond]);
    else if (isPlainObject(cond) && Object.keys(cond).length === 1 && isLookupValue(cond.$eq))
      conditions.push([field, cond.$eq]);
    else return undefined;
  }
  return (doc) =>
    conditions.every(([field, value]) => queryCandidates(doc, field).some((c) => valuesEqual(c, value)));
}

export function compileFilter(filter: unknown): CompiledFilter {
  if (filter === undefined || filter === null) filter = {};
  if (!isPlainObject(filter)) throw badValue('filter must be an object');
  const f = filter;
  const empty = Object.keys(f).length === 0;
  const simple = empty ? undefined : simpleEqualityPredicate(f);
  const query = empty || simple ? undefined : new Query(f, queryOptions);
  const lookups: Lookup[] = [];
  if (!empty) equalityConditions(f, lookups);
  const test = simple ?? ((doc: Document): boolean => (query ? query.test(doc) : true));
  return {
    empty,
    test,
    select(coll) {
      if (!coll) return [];
      const candidates = lookups.length > 0 ? lookupCandidates(coll, lookups) : undefined;
      const out: Document[] = [];
      if (candidates) {
        for (const d of candidates) if (test(d)) out.push(d);
        return out;
      }
      for (const d of coll.docs.values()) if (test(d)) out.push(d);
      return out;
    },
  };
}
