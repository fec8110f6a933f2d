// Equality lookups on `_id` and on indexed fields must be answered from the hash maps, never by a scan.
import { describe, expect, it } from 'vitest';
import { Double, ObjectId, type Document } from 'bson';
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

  it('answers $in of any length from an index, each document once', () => {
    const hashes = Array.from({ length: 1600 }, (_, i) => `h${i}`);
    expect(compileFilter({ tokenHash: { $in: hashes } }).select(coll)).toHaveLength(1000);
    const ids = Array.from({ length: 5000 }, (_, i) => i);
    expect(compileFilter({ _id: { $in: ids } }).select(coll)).toHaveLength(1000);
    // Prefix of a compound index; duplicate values and 1 vs 1.0 must not duplicate documents.
    const filesIds = [...Array.from({ length: 1500 }, (_, i) => i + 100), 3, 3.0, new Double(3), 4];
    const found = compileFilter({ files_id: { $in: filesIds } }).select(coll);
    expect(found).toHaveLength(200);
    expect(new Set(found.map((d) => d._id as number)).size).toBe(200);
    expect(compileFilter({ files_id: { $in: filesIds }, n: { $lt: 50 } }).select(coll)).toHaveLength(100);
  });

  it('scans when no index applies', () => {
    expect(() => compileFilter({ n: 5 }).select(coll)).toThrow('collection scanned');
  });

  it('scans for $in lists an index cannot answer (null, regex, arrays)', () => {
    for (const list of [['h1', null], [/^h1$/], [['h1']]]) {
      expect(() => compileFilter({ tokenHash: { $in: list } }).select(coll)).toThrow('collection scanned');
    }
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

/** The overview's shape: respondents by investigation (compound unique prefix), responses by respondent. */
describe('$in over many ids agrees with a scan', () => {
  const investigations = Array.from({ length: 400 }, () => new ObjectId());
  const respondents = new Collection('db', 'respondents');
  respondents.addIndex(normalizeIndexSpec({ key: { investigation: 1, slot: 1 }, unique: true }));
  const responses = new Collection('db', 'responses');
  responses.addIndex(normalizeIndexSpec({ key: { respondent: 1 }, unique: true }));
  const judgments = new Collection('db', 'judgments');
  judgments.addIndex(normalizeIndexSpec({ key: { investigation: 1, indicatorId: 1 }, unique: true }));
  const respondentIds: ObjectId[] = [];
  investigations.forEach((investigation, i) => {
    for (let slot = 0; slot < 4; slot++) {
      const _id = new ObjectId();
      respondentIds.push(_id);
      respondents.insert({ _id, investigation, slot });
      if (slot < 3) responses.insert({ _id: new ObjectId(), respondent: _id, investigation });
    }
    if (i % 2 === 0)
      for (const indicatorId of ['1.1', '1.2', '2.1'])
        judgments.insert({ _id: new ObjectId(), investigation, indicatorId });
  });

  function withoutScans(coll: Collection): Collection {
    const scan = coll.docs.values.bind(coll.docs);
    coll.docs.values = () => {
      throw new Error('collection scanned');
    };
    return Object.assign(coll, { scan });
  }

  function scanned(coll: Collection, filter: Document): Document[] {
    const compiled = compileFilter(filter);
    return [...(coll as Collection & { scan: () => Iterable<Document> }).scan()].filter((d) =>
      compiled.test(d),
    );
  }

  const byId = (docs: Document[]) => docs.map((d) => String(d._id)).sort();

  it('uses the indexes and returns what a scan returns', () => {
    for (const coll of [respondents, responses, judgments]) withoutScans(coll);
    // Copies of the ids: lookups must go by value, not by identity.
    const some = investigations.filter((_, i) => i % 3 !== 0).map((id) => new ObjectId(id.toHexString()));
    const cases: [Collection, Document, number][] = [
      [respondents, { investigation: { $in: some } }, some.length * 4],
      [respondents, { investigation: investigations[7] }, 4],
      [judgments, { investigation: { $in: investigations } }, 200 * 3],
      [judgments, { investigation: investigations[2] }, 3],
      [judgments, { investigation: investigations[1] }, 0],
      [responses, { respondent: { $in: respondentIds } }, 1200],
      [responses, { respondent: { $in: [...respondentIds, ...respondentIds.slice(0, 10)] } }, 1200],
    ];
    for (const [coll, filter, count] of cases) {
      const found = compileFilter(filter).select(coll);
      expect(found).toHaveLength(count);
      expect(byId(found)).toEqual(byId(scanned(coll, filter)));
    }
  });
});
