// Equality lookups on `_id` and on indexed fields must be answered from the hash maps, never by a scan.
import { describe, expect, it } from 'vitest';
import { ObjectId } from 'bson';
import { Collection } from '../../../server/db/engine/catalog/collection.js';
import { normalizeIndexSpec } from '../../../server/db/engine/catalog/collection-index.js';
import { compileFilter } from '../../../server/db/engine/query/filter.js';

function collectionWithoutScans(): Collection {
  const coll = new Collection('db', 'tokens');
  coll.addIndex(normalizeIndexSpec({ key: { tokenHash: 1 }, unique: true }));
  coll.addIndex(normalizeIndexSpec({ key: { files_id: 1, n: 1 }, unique: true }));
  for (let i = 0; i < 1000; i++) {
    coll.insert({ _id: i, tokenHash: `h${i}`, files_id: i % 10, n: Math.floor(i / 10) });
  }
  // Any scan now fails the test.
  coll.docs.values = () => {
    throw new Error('collection scanned');
  };
  return coll;
}

describe('index-backed equality lookups', () => {
  const coll = collectionWithoutScans();

  it('uses the primary key for _id', () => {
    expect(compileFilter({ _id: 42 }).select(coll)).toEqual([expect.objectContaining({ tokenHash: 'h42' })]);
    expect(compileFilter({ _id: { $in: [1, 2, 5000] } }).select(coll)).toHaveLength(2);
  });

  it('uses a secondary index for an indexed field, also combined with other conditions', () => {
    expect(compileFilter({ tokenHash: 'h7' }).select(coll)).toHaveLength(1);
    expect(compileFilter({ tokenHash: 'h7', n: { $gte: 1 } }).select(coll)).toHaveLength(0);
    expect(compileFilter({ $and: [{ tokenHash: { $eq: 'h8' } }] }).select(coll)).toHaveLength(1);
  });

  it('uses the first field of a compound index (GridFS chunks by files_id)', () => {
    expect(compileFilter({ files_id: 3 }).select(coll)).toHaveLength(100);
  });

  it('scans when no index applies', () => {
    expect(() => compileFilter({ n: 5 }).select(coll)).toThrow('collection scanned');
  });

  it('index keys treat numeric types alike and ObjectIds by value', () => {
    const c = new Collection('db', 'ids');
    const id = new ObjectId();
    c.insert({ _id: id, v: 1 });
    expect(c.get(new ObjectId(id.toHexString()))).toBeDefined();
    c.addIndex(normalizeIndexSpec({ key: { v: 1 }, unique: true }));
    expect(() => c.insert({ _id: 2, v: 1.0 })).toThrow(/E11000/);
  });
});
