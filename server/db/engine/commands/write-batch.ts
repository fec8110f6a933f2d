// Collects the journal records of one write command, merging consecutive changes of the same kind
// to the same collection into one record.
import type { Document } from 'bson';
import type { JournalRecord } from '../catalog/catalog.js';
import type { IndexSpec } from '../catalog/collection-index.js';

export class WriteBatch {
  readonly records: JournalRecord[] = [];

  createCollection(db: string, coll: string, options: Document = {}): void {
    this.records.push({ op: 'c', db, coll, options });
  }

  createIndex(db: string, coll: string, spec: IndexSpec): void {
    this.records.push({ op: 'ix', db, coll, spec });
  }

  insert(db: string, coll: string, doc: Document): void {
    const last = this.records[this.records.length - 1];
    if (last?.op === 'i' && last.db === db && last.coll === coll) last.docs.push(doc);
    else this.records.push({ op: 'i', db, coll, docs: [doc] });
  }

  update(db: string, coll: string, doc: Document): void {
    const last = this.records[this.records.length - 1];
    if (last?.op === 'u' && last.db === db && last.coll === coll) last.docs.push(doc);
    else this.records.push({ op: 'u', db, coll, docs: [doc] });
  }

  delete(db: string, coll: string, id: unknown): void {
    const last = this.records[this.records.length - 1];
    if (last?.op === 'd' && last.db === db && last.coll === coll) last.ids.push(id);
    else this.records.push({ op: 'd', db, coll, ids: [id] });
  }
}
