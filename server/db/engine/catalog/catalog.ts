// All databases and collections, plus the translation between catalog state and journal records.
// Records carry db and collection names separately (collection names may contain dots).
import { calculateObjectSize, type Document } from 'bson';
import { EngineError, ErrorCode } from '../errors.js';
import type { IndexSpec } from './collection-index.js';
import { Collection } from './collection.js';

export type JournalRecord =
  | { op: 'c'; db: string; coll: string; options: Document }
  | { op: 'ix'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dx'; db: string; coll: string; name: string }
  | { op: 'i'; db: string; coll: string; docs: Document[] }
  | { op: 'u'; db: string; coll: string; docs: Document[] }
  | { op: 'd'; db: string; coll: string; ids: unknown[] }
  | { op: 'dc'; db: string; coll: string }
  | { op: 'dd'; db: string }
  | { op: 'rn'; db: string; coll: string; toDb: string; toColl: string };

/** Snapshot records carry at most this many bytes of documents (a record must stay a valid BSON doc). */
const SNAPSHOT_CHUNK_BYTES = 4 * 1024 * 1024;

export function validateDbName(db: unknown): string {
  if (typeof db !== 'string' || db.length === 0 || /[/\\. "$\0]/.test(db) || db.length > 63) {
    throw new EngineError(ErrorCode.InvalidNamespace, `Invalid database name: '${String(db)}'`);
  }
  return db;
}

export function validateCollName(coll: unknown): string {
  if (typeof coll !== 'string' || coll.length === 0) {
    throw new EngineError(ErrorCode.InvalidNamespace, `Invalid collection name: '${String(coll)}'`);
  }
  if (coll.includes('$') || coll.includes('\0') || coll.startsWith('.') || coll.startsWith('system.')) {
    throw new EngineError(ErrorCode.InvalidNamespace, `Invalid collection name: '${coll}'`);
  }
  return coll;
}

export class Catalog {
  readonly databases = new Map<string, Map<string, Collection>>();

  get(db: string, coll: string): Collection | undefined {
    return this.databases.get(db)?.get(coll);
  }

  require(db: string, coll: string): Collection {
    const c = this.get(db, coll);
    if (!c) throw new EngineError(ErrorCode.NamespaceNotFound, `ns does not exist: ${db}.${coll}`);
    return c;
  }

  create(db: string, coll: string, options: Document = {}): Collection {
    let colls = this.databases.get(db);
    if (!colls) {
      colls = new Map();
      this.databases.set(db, colls);
    }
    if (colls.has(coll))
      throw new EngineError(ErrorCode.NamespaceExists, `Collection ${db}.${coll} already exists.`);
    const c = new Collection(db, coll, options);
    colls.set(coll, c);
    return c;
  }

  drop(db: string, coll: string): boolean {
    const colls = this.databases.get(db);
    if (!colls?.delete(coll)) return false;
    if (colls.size === 0) this.databases.delete(db);
    return true;
  }

  dropDatabase(db: string): void {
    this.databases.delete(db);
  }

  rename(db: string, coll: string, toDb: string, toColl: string): void {
    const source = this.require(db, coll);
    this.drop(db, coll);
    this.drop(toDb, toColl);
    let colls = this.databases.get(toDb);
    if (!colls) {
      colls = new Map();
      this.databases.set(toDb, colls);
    }
    source.rename(toDb, toColl);
    colls.set(toColl, source);
  }

  /** Applies a journal record during replay (constraints were checked when it was first written). */
  apply(record: Document): void {
    const r = record as JournalRecord;
    switch (r.op) {
      case 'c':
        if (!this.get(r.db, r.coll)) this.create(r.db, r.coll, r.options);
        return;
      case 'ix':
        this.ensure(r.db, r.coll).addIndex(r.spec);
        return;
      case 'dx':
        this.get(r.db, r.coll)?.dropIndex(r.name);
        return;
      case 'i': {
        const c = this.ensure(r.db, r.coll);
        for (const doc of r.docs) c.insert(doc);
        return;
      }
      case 'u': {
        const c = this.require(r.db, r.coll);
        for (const doc of r.docs) c.replace(doc);
        return;
      }
      case 'd': {
        const c = this.get(r.db, r.coll);
        for (const id of r.ids) c?.delete(id);
        return;
      }
      case 'dc':
        this.drop(r.db, r.coll);
        return;
      case 'dd':
        this.dropDatabase(r.db);
        return;
      case 'rn':
        this.rename(r.db, r.coll, r.toDb, r.toColl);
        return;
      default:
        throw new Error(`unknown journal record op ${JSON.stringify((record as { op?: unknown }).op)}`);
    }
  }

  ensure(db: string, coll: string): Collection {
    return this.get(db, coll) ?? this.create(db, coll);
  }

  /** Records that rebuild the current state from empty. Built eagerly: documents are immutable. */
  snapshot(): JournalRecord[] {
    const out: JournalRecord[] = [];
    for (const [db, colls] of this.databases) {
      for (const [name, c] of colls) {
        out.push({ op: 'c', db, coll: name, options: c.options });
        for (const index of c.indexes.values()) out.push({ op: 'ix', db, coll: name, spec: index.spec });
        let chunk: Document[] = [];
        let bytes = 0;
        for (const doc of c.docs.values()) {
          const size = calculateObjectSize(doc);
          if (chunk.length > 0 && bytes + size > SNAPSHOT_CHUNK_BYTES) {
            out.push({ op: 'i', db, coll: name, docs: chunk });
            chunk = [];
            bytes = 0;
          }
          chunk.push(doc);
          bytes += size;
        }
        if (chunk.length > 0) out.push({ op: 'i', db, coll: name, docs: chunk });
      }
    }
    return out;
  }
}
