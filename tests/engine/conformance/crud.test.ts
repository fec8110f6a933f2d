import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  Double,
  Int32,
  Long,
  MongoClient,
  MongoServerError,
  type Collection,
  type Db,
  type Document,
} from 'mongodb';
import { openTarget, type Target } from '../target.js';

let target: Target;
let client: MongoClient;
let db: Db;
let coll: Collection;

beforeAll(async () => {
  target = await openTarget('crud');
  client = await MongoClient.connect(target.uri);
  db = client.db(target.dbName);
});

afterAll(async () => {
  await client?.close();
  await target?.close();
});

beforeEach(async () => {
  coll = db.collection(`c${Math.random().toString(36).slice(2, 8)}`);
});

type UpdateCase = {
  name: string;
  doc: Document;
  update: Document | Document[];
  expected: Document;
  options?: Document;
};

const UPDATE_CASES: UpdateCase[] = [
  {
    name: '$set top-level and nested',
    doc: { a: 1 },
    update: { $set: { a: 2, 'b.c': 3 } },
    expected: { a: 2, b: { c: 3 } },
  },
  { name: '$unset', doc: { a: 1, b: 2 }, update: { $unset: { b: '' } }, expected: { a: 1 } },
  {
    name: '$inc existing and missing',
    doc: { n: 1 },
    update: { $inc: { n: 2, m: 5 } },
    expected: { n: 3, m: 5 },
  },
  { name: '$mul', doc: { n: 3 }, update: { $mul: { n: 2 } }, expected: { n: 6 } },
  {
    name: '$min/$max',
    doc: { lo: 5, hi: 5 },
    update: { $min: { lo: 3 }, $max: { hi: 9 } },
    expected: { lo: 3, hi: 9 },
  },
  { name: '$rename', doc: { a: 1 }, update: { $rename: { a: 'b' } }, expected: { b: 1 } },
  { name: '$push', doc: { xs: [1] }, update: { $push: { xs: 2 } }, expected: { xs: [1, 2] } },
  {
    name: '$push $each $sort $slice',
    doc: { xs: [5, 1] },
    update: { $push: { xs: { $each: [3, 4], $sort: 1, $slice: 3 } } },
    expected: { xs: [1, 3, 4] },
  },
  {
    name: '$addToSet $each',
    doc: { xs: [1, 2] },
    update: { $addToSet: { xs: { $each: [2, 3] } } },
    expected: { xs: [1, 2, 3] },
  },
  {
    name: '$pull by value',
    doc: { xs: [1, 2, 1, 3] },
    update: { $pull: { xs: 1 } },
    expected: { xs: [2, 3] },
  },
  {
    name: '$pull by condition',
    doc: { xs: [1, 5, 9] },
    update: { $pull: { xs: { $gte: 5 } } },
    expected: { xs: [1] },
  },
  { name: '$pullAll', doc: { xs: [1, 2, 3] }, update: { $pullAll: { xs: [1, 3] } }, expected: { xs: [2] } },
  { name: '$pop last', doc: { xs: [1, 2, 3] }, update: { $pop: { xs: 1 } }, expected: { xs: [1, 2] } },
  { name: '$pop first', doc: { xs: [1, 2, 3] }, update: { $pop: { xs: -1 } }, expected: { xs: [2, 3] } },
  {
    name: 'positional $',
    doc: { grades: [80, 85, 90] },
    update: { $set: { 'grades.$': 82 } },
    expected: { grades: [82, 85, 90] },
    options: { filter: { grades: 80 } },
  },
  {
    name: 'all positional $[]',
    doc: { xs: [1, 2] },
    update: { $inc: { 'xs.$[]': 10 } },
    expected: { xs: [11, 12] },
  },
  {
    name: 'arrayFilters',
    doc: { xs: [{ v: 1 }, { v: 5 }] },
    update: { $set: { 'xs.$[e].big': true } },
    expected: { xs: [{ v: 1 }, { v: 5, big: true }] },
    options: { arrayFilters: [{ 'e.v': { $gt: 2 } }] },
  },
  {
    name: 'pipeline update',
    doc: { a: 2, b: 3 },
    update: [{ $set: { sum: { $add: ['$a', '$b'] } } }, { $unset: 'b' }],
    expected: { a: 2, sum: 5 },
  },
  { name: '$set of same _id is a no-op', doc: { a: 1 }, update: { $set: { a: 2 } }, expected: { a: 2 } },
];

describe('update operators', () => {
  for (const c of UPDATE_CASES) {
    it(c.name, async () => {
      const { insertedId } = await coll.insertOne({ ...c.doc });
      const filter = { _id: insertedId, ...(c.options?.filter as Document | undefined) };
      const res = await coll.updateOne(filter, c.update, {
        arrayFilters: c.options?.arrayFilters as Document[] | undefined,
      });
      expect(res.matchedCount).toBe(1);
      const got = await coll.findOne({ _id: insertedId }, { projection: { _id: 0 } });
      expect(got).toEqual(c.expected);
    });
  }

  it('$currentDate sets a date', async () => {
    const { insertedId } = await coll.insertOne({});
    await coll.updateOne({ _id: insertedId }, { $currentDate: { at: true } });
    expect((await coll.findOne({ _id: insertedId }))?.at).toBeInstanceOf(Date);
  });

  it('creates new fields in field-name order across operators; existing fields keep their place', async () => {
    const { insertedId } = await coll.insertOne({ m: 1, nested: { k: 1 } });
    const update: Document = {
      $set: { zeta: 1, 'nested.b': 1, m: 2, beta: { y: 1, x: 2 } },
      $inc: { alpha: 1, 'nested.a': 1 },
      $push: { 'sub.z': 1, 'sub.b': 2 },
      // $max is not on the engine's fast path: the general path must agree.
      $max: { gamma: 3 },
    };
    await coll.updateOne({ _id: insertedId }, update);
    const doc = await coll.findOne({ _id: insertedId });
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'm', 'nested', 'alpha', 'beta', 'gamma', 'sub', 'zeta']);
    expect(Object.keys(doc?.nested ?? {})).toEqual(['k', 'a', 'b']);
    expect(Object.keys(doc?.beta ?? {})).toEqual(['y', 'x']);
    expect(Object.keys(doc?.sub ?? {})).toEqual(['b', 'z']);
  });

  it('an upsert creates the update fields in field-name order after the filter fields', async () => {
    const res = await coll.updateOne(
      { key: 'k' },
      { $set: { zeta: 1, 'obj.y': 1, 'obj.x': 1 }, $setOnInsert: { alpha: 1 }, $inc: { count: 1 } },
      { upsert: true },
    );
    const doc = await coll.findOne({ _id: res.upsertedId! });
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'key', 'alpha', 'count', 'obj', 'zeta']);
    expect(Object.keys(doc?.obj ?? {})).toEqual(['x', 'y']);
  });

  it('$inc/$mul/$max keep BSON number types: the wider type wins, int32 overflow widens to int64', async () => {
    const cases: [Document, Document, unknown][] = [
      [{ a: 2147483647 }, { $inc: { a: 1 } }, Long.fromString('2147483648')],
      [{ a: 1 }, { $inc: { a: new Double(2) } }, new Double(3)],
      [{ a: 1 }, { $inc: { a: Long.fromNumber(2) } }, Long.fromNumber(3)],
      [{ a: Long.fromString('9007199254740993') }, { $inc: { a: 2 } }, Long.fromString('9007199254740995')],
      [{ a: 65536 }, { $mul: { a: 65536 } }, Long.fromString('4294967296')],
      [{}, { $mul: { a: Long.fromNumber(5) } }, Long.fromNumber(0)],
      [{ a: 5 }, { $max: { a: new Double(7) } }, new Double(7)],
      [{ a: 'x' }, { $min: { a: 5 } }, new Int32(5)],
    ];
    for (const [doc, update, expected] of cases) {
      const { insertedId } = await coll.insertOne({ ...doc });
      await coll.updateOne({ _id: insertedId }, update);
      const stored = await coll.findOne({ _id: insertedId }, { promoteValues: false });
      expect(stored?.a, JSON.stringify(update)).toStrictEqual(expected);
    }
  });

  it('an update that changes only a BSON type (or field order) modifies the document', async () => {
    const { insertedId } = await coll.insertOne({ a: 5, o: { x: 1, y: 2 } });
    const typed = await coll.updateOne({ _id: insertedId }, { $set: { a: new Double(5) } });
    expect(typed).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect((await coll.findOne({ _id: insertedId }, { promoteValues: false }))?.a).toStrictEqual(
      new Double(5),
    );
    const reordered = await coll.updateOne({ _id: insertedId }, { $set: { o: { y: 2, x: 1 } } });
    expect(reordered).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(Object.keys((await coll.findOne({ _id: insertedId }))?.o ?? {})).toEqual(['y', 'x']);
    const same = await coll.updateOne({ _id: insertedId }, { $set: { a: new Double(5), o: { y: 2, x: 1 } } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('$addToSet compares elements as BSON values: 5 is already in [NumberLong(5)]', async () => {
    const { insertedId } = await coll.insertOne({ xs: [Long.fromNumber(5), { a: 1, b: 2 }] });
    const res = await coll.updateOne(
      { _id: insertedId },
      { $addToSet: { xs: { $each: [5, new Double(5), { a: 1, b: 2 }, { b: 2, a: 1 }, 6, 6] } } },
    );
    expect(res.modifiedCount).toBe(1);
    const doc = await coll.findOne({ _id: insertedId }, { promoteValues: false });
    expect(doc?.xs).toStrictEqual([
      Long.fromNumber(5),
      { a: new Int32(1), b: new Int32(2) },
      { b: new Int32(2), a: new Int32(1) },
      new Int32(6),
    ]);
  });

  it('reports modifiedCount 0 for a no-op update', async () => {
    const { insertedId } = await coll.insertOne({ a: 1 });
    const res = await coll.updateOne({ _id: insertedId }, { $set: { a: 1 } });
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('updateMany updates every match', async () => {
    await coll.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }]);
    const res = await coll.updateMany({ k: 1 }, { $set: { hit: true } });
    expect(res).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(await coll.countDocuments({ hit: true })).toBe(2);
  });

  it('replaceOne keeps _id and replaces the rest', async () => {
    const { insertedId } = await coll.insertOne({ a: 1, b: 2 });
    await coll.replaceOne({ _id: insertedId }, { c: 3 });
    expect(await coll.findOne({ _id: insertedId })).toEqual({ _id: insertedId, c: 3 });
  });

  it('upsert inserts filter equality fields and $setOnInsert, reporting the upserted _id', async () => {
    const res = await coll.updateOne(
      { key: 'k1' },
      { $set: { v: 1 }, $setOnInsert: { created: true } },
      { upsert: true },
    );
    expect(res.upsertedCount).toBe(1);
    const doc = await coll.findOne({ _id: res.upsertedId! });
    expect(doc).toMatchObject({ key: 'k1', v: 1, created: true });
    const again = await coll.updateOne(
      { key: 'k1' },
      { $set: { v: 2 }, $setOnInsert: { created: false } },
      { upsert: true },
    );
    expect(again).toMatchObject({ matchedCount: 1, upsertedCount: 0 });
    expect(await coll.findOne({ key: 'k1' })).toMatchObject({ v: 2, created: true });
  });

  it('bulkWrite reports upserted ids with their index', async () => {
    const res = await coll.bulkWrite([
      { insertOne: { document: { a: 1 } } },
      { updateOne: { filter: { a: 2 }, update: { $set: { b: 1 } }, upsert: true } },
      { deleteOne: { filter: { a: 1 } } },
    ]);
    expect(res.insertedCount).toBe(1);
    expect(res.upsertedCount).toBe(1);
    expect(Object.keys(res.upsertedIds)).toEqual(['1']);
    expect(res.deletedCount).toBe(1);
  });

  it('changing _id fails with ImmutableField (66)', async () => {
    const { insertedId } = await coll.insertOne({ a: 1 });
    const err = await coll.updateOne({ _id: insertedId }, { $set: { _id: 5 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(66);
  });

  it('unknown update operator fails with FailedToParse (9)', async () => {
    await coll.insertOne({ a: 1 });
    const err = await coll.updateOne({}, { $frobnicate: { a: 1 } } as Document).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(9);
  });

  it('$inc on a string fails with TypeMismatch (14)', async () => {
    await coll.insertOne({ a: 'x' });
    const err = await coll.updateOne({}, { $inc: { a: 1 } }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(14);
  });
});

describe('find', () => {
  beforeEach(async () => {
    await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ i, even: i % 2 === 0, tag: `t${i % 3}` })));
  });

  it('filters, sorts, skips, limits and projects', async () => {
    const docs = await coll
      .find({ even: true }, { projection: { _id: 0, i: 1 } })
      .sort({ i: -1 })
      .skip(1)
      .limit(2)
      .toArray();
    expect(docs).toEqual([{ i: 6 }, { i: 4 }]);
  });

  it('sorts on several keys', async () => {
    const docs = await coll
      .find({}, { projection: { _id: 0, tag: 1, i: 1 } })
      .sort({ tag: 1, i: -1 })
      .limit(4)
      .toArray();
    expect(docs).toEqual([
      { i: 9, tag: 't0' },
      { i: 6, tag: 't0' },
      { i: 3, tag: 't0' },
      { i: 0, tag: 't0' },
    ]);
  });

  it('returns projected fields in the stored document order, not the projection order', async () => {
    const { insertedId } = await coll.insertOne({
      a: 1,
      b: 2,
      c: { x: 1, y: 2, z: 3 },
      d: 4,
      list: [
        { p: 1, q: 2 },
        { q: 3, p: 4 },
      ],
    });
    const doc = await coll.findOne(
      { _id: insertedId },
      { projection: { d: 1, 'list.q': 1, 'c.z': 1, b: 1, 'c.x': 1, 'list.p': 1 } },
    );
    expect(JSON.stringify(doc)).toBe(
      JSON.stringify({
        _id: insertedId,
        b: 2,
        c: { x: 1, z: 3 },
        d: 4,
        list: [
          { p: 1, q: 2 },
          { q: 3, p: 4 },
        ],
      }),
    );
    const after = await coll.findOneAndUpdate(
      { _id: insertedId },
      { $set: { e: 5 } },
      { projection: { e: 1, a: 1, _id: 0 }, returnDocument: 'after' },
    );
    expect(Object.keys(after ?? {})).toEqual(['a', 'e']);
  });

  it('appends computed projection fields after the stored ones', async () => {
    const { insertedId } = await coll.insertOne({ a: 1, b: 2 });
    const doc = await coll.findOne({ _id: insertedId }, { projection: { n: { $literal: 5 }, b: 1, a: 1 } });
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'a', 'b', 'n']);
  });

  it('supports exclusion projections', async () => {
    const doc = await coll.findOne({ i: 1 }, { projection: { even: 0, tag: 0 } });
    expect(Object.keys(doc ?? {}).sort()).toEqual(['_id', 'i']);
  });

  it('supports query operators', async () => {
    const count = async (f: Document) => coll.countDocuments(f);
    expect(await count({ i: { $in: [1, 2, 42] } })).toBe(2);
    expect(await count({ i: { $nin: [1, 2] } })).toBe(8);
    expect(await count({ i: { $gt: 3, $lte: 6 } })).toBe(3);
    expect(await count({ $or: [{ i: 0 }, { tag: 't1' }] })).toBe(4);
    expect(await count({ tag: { $regex: '^t[12]$' } })).toBe(6);
    expect(await count({ missing: { $exists: false } })).toBe(10);
    expect(await count({ missing: null })).toBe(10);
    expect(await count({ i: { $not: { $gte: 5 } } })).toBe(5);
    expect(await count({ $expr: { $gt: ['$i', 7] } })).toBe(2);
  });

  it('iterates across getMore batches', async () => {
    await coll.insertMany(Array.from({ length: 250 }, (_, i) => ({ i: 100 + i })));
    const seen: number[] = [];
    for await (const d of coll.find({}, { batchSize: 7 }).sort({ i: 1 })) seen.push(d.i as number);
    expect(seen).toHaveLength(260);
    expect(seen[259]).toBe(349);
  });

  it('a killed cursor reports CursorNotFound (43) on getMore', async () => {
    const first = await db.command({ find: coll.collectionName, batchSize: 2 });
    const id = first.cursor.id;
    await db.command({ killCursors: coll.collectionName, cursors: [id] });
    const err = await db.command({ getMore: id, collection: coll.collectionName }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(43);
  });

  it('arrays match by element and by whole value', async () => {
    await coll.insertOne({ tags: ['x', 'y'] });
    expect(await coll.countDocuments({ tags: 'x' })).toBe(1);
    expect(await coll.countDocuments({ tags: ['x', 'y'] })).toBe(1);
    expect(await coll.countDocuments({ tags: { $all: ['y', 'x'] } })).toBe(1);
    expect(await coll.countDocuments({ tags: { $size: 2 } })).toBe(1);
  });
});

describe('delete and findAndModify', () => {
  it('deleteOne deletes one, deleteMany all matches', async () => {
    await coll.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await coll.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await coll.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect(await coll.countDocuments()).toBe(1);
  });

  it('findOneAndUpdate returns before/after, honours sort and projection', async () => {
    await coll.insertMany([
      { k: 1, n: 1 },
      { k: 1, n: 2 },
    ]);
    const before = await coll.findOneAndUpdate(
      { k: 1 },
      { $inc: { n: 10 } },
      { sort: { n: -1 }, projection: { _id: 0 } },
    );
    expect(before).toEqual({ k: 1, n: 2 });
    const after = await coll.findOneAndUpdate(
      { k: 1, n: 1 },
      { $inc: { n: 1 } },
      { returnDocument: 'after' },
    );
    expect(after).toMatchObject({ n: 2 });
  });

  it('findOneAndUpdate upserts', async () => {
    const doc = await coll.findOneAndUpdate(
      { key: 'z' },
      { $set: { v: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(doc).toMatchObject({ key: 'z', v: 1 });
    const none = await coll.findOneAndUpdate({ key: 'nothing' }, { $set: { v: 1 } });
    expect(none).toBeNull();
  });

  it('findOneAndDelete and findOneAndReplace', async () => {
    await coll.insertMany([{ a: 1 }, { a: 2 }]);
    expect(await coll.findOneAndDelete({ a: 1 })).toMatchObject({ a: 1 });
    expect(await coll.findOneAndReplace({ a: 2 }, { b: 3 }, { returnDocument: 'after' })).toMatchObject({
      b: 3,
    });
    expect(await coll.countDocuments()).toBe(1);
  });
});

describe('errors', () => {
  it('an unknown command fails with CommandNotFound (59)', async () => {
    const err = await db.command({ frobnicate: 1 }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(59);
    expect((err as MongoServerError).codeName).toBe('CommandNotFound');
  });

  it('an unknown query operator fails with BadValue (2)', async () => {
    await coll.insertOne({ a: 1 });
    const err = await coll.findOne({ a: { $frob: 1 } }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(2);
  });
});
