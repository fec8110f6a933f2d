// One collection: documents by primary key (in insertion order, i.e. natural order) plus secondary
// indexes. Stored documents are never mutated: an update stores a new object, so cursors and callers
// holding an old object keep a consistent snapshot of it.
import type { Document } from 'bson';
import { ObjectId } from 'bson';
import { EngineError, ErrorCode } from '../errors.js';
import { CollectionIndex, type IndexSpec } from './collection-index.js';
import { valueKey } from './index-key.js';

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, CollectionIndex>();

  constructor(
    public db: string,
    public name: string,
    readonly options: Document = {},
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  /** Re-labels the collection (renameCollection); index error messages follow the new name. */
  rename(db: string, name: string): void {
    this.db = db;
    this.name = name;
    const specs = [...this.indexes.values()].map((i) => i.spec);
    this.indexes.clear();
    for (const spec of specs) this.addIndex(spec);
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX_SPEC, ...[...this.indexes.values()].map((i) => i.spec)];
  }

  /** Builds an index over the existing documents; fails (and leaves nothing behind) on duplicates. */
  addIndex(spec: IndexSpec): void {
    const index = new CollectionIndex(spec, this.ns);
    for (const [id, doc] of this.docs) {
      const entries = index.entriesOf(doc);
      index.checkUnique(id, entries);
      index.add(id, entries);
    }
    this.indexes.set(spec.name, index);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }

  get(id: unknown): Document | undefined {
    return this.docs.get(valueKey(id));
  }

  /** Inserts after all constraint checks; nothing changes if one fails. */
  insert(doc: Document): void {
    const id = checkId(doc._id);
    if (this.docs.has(id)) throw this.duplicateIdError(doc._id);
    const pending = this.collectEntries(id, doc);
    for (const [index, entries] of pending) index.add(id, entries);
    this.docs.set(id, doc);
  }

  /** Replaces the stored document with the same `_id` by `next` (a new object). */
  replace(next: Document): void {
    const id = valueKey(next._id);
    const prev = this.docs.get(id);
    if (!prev) throw new EngineError(ErrorCode.InternalError, `replace of a missing document in ${this.ns}`);
    const pending = this.collectEntries(id, next);
    for (const index of this.indexes.values()) index.remove(id, index.entriesOf(prev));
    for (const [index, entries] of pending) index.add(id, entries);
    this.docs.set(id, next);
  }

  delete(idValue: unknown): Document | undefined {
    const id = valueKey(idValue);
    const prev = this.docs.get(id);
    if (!prev) return undefined;
    for (const index of this.indexes.values()) index.remove(id, index.entriesOf(prev));
    this.docs.delete(id);
    return prev;
  }

  clear(): void {
    this.docs.clear();
    for (const index of this.indexes.values()) index.clear();
  }

  /**
   * Candidate documents for `field = v` for any v of `values` (an equality is a one-value list, `$in`
   * the union of its values, each document once), or undefined when no index can answer it (the
   * caller then scans). Candidates are re-checked against the full filter.
   */
  lookupEqual(field: string, values: readonly unknown[]): Document[] | undefined {
    if (field === '_id') return this.documentsOf(values.map(valueKey));
    for (const index of this.indexes.values()) {
      if (!index.servesEqualityOn(field)) continue;
      if (values.length === 1) return this.documentsOf(index.lookup(values[0]));
      const ids = new Set<string>();
      for (const v of values) for (const id of index.lookup(v)) ids.add(id);
      return this.documentsOf(ids);
    }
    return undefined;
  }

  private documentsOf(ids: Iterable<string>): Document[] {
    const out: Document[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const doc = this.docs.get(id);
      if (doc) out.push(doc);
    }
    return out;
  }

  duplicateIdError(value: unknown): EngineError {
    return new CollectionIndex(ID_INDEX_SPEC, this.ns).duplicateError([value]);
  }

  private collectEntries(
    id: string,
    doc: Document,
  ): [CollectionIndex, ReturnType<CollectionIndex['entriesOf']>][] {
    const pending: [CollectionIndex, ReturnType<CollectionIndex['entriesOf']>][] = [];
    for (const index of this.indexes.values()) {
      const entries = index.entriesOf(doc);
      index.checkUnique(id, entries);
      pending.push([index, entries]);
    }
    return pending;
  }
}

/** MongoDB refuses arrays, regexes and undefined as `_id`. */
function checkId(id: unknown): string {
  if (id === undefined)
    throw new EngineError(ErrorCode.InternalError, 'document without _id reached the collection');
  if (Array.isArray(id)) throw new EngineError(ErrorCode.BadValue, "The '_id' value cannot be of type array");
  if (id instanceof RegExp)
    throw new EngineError(ErrorCode.BadValue, "The '_id' value cannot be of type regex");
  return valueKey(id);
}

/** Puts `_id` first (generating an ObjectId if absent), as mongod does on insert. */
export function withIdFirst(doc: Document): Document {
  if (Object.keys(doc)[0] === '_id') return doc;
  const out: Document = { _id: doc._id === undefined ? new ObjectId() : doc._id };
  for (const [k, v] of Object.entries(doc)) if (k !== '_id') out[k] = v;
  return out;
}
