import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MongoBulkWriteError, MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { openTarget, type Target } from '../target.js';

let target: Target;
let client: MongoClient;
let db: Db;
let coll: Collection;
let conn: Connection;

beforeAll(async () => {
  target = await openTarget('unique');
  client = await MongoClient.connect(target.uri);
  db = client.db(target.dbName);
  conn = await mongoose.createConnection(target.uri, { dbName: target.dbName }).asPromise();
});

afterAll(async () => {
  await conn?.close();
  await client?.close();
  await target?.close();
});

beforeEach(async () => {
  coll = db.collection(`u${Math.random().toString(36).slice(2, 8)}`);
});

describe('unique indexes', () => {
  it('reports the exact E11000 shape on insertOne', async () => {
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ email: 'a@x.nl' });
    const err = (await coll.insertOne({ email: 'a@x.nl' }).catch((e: unknown) => e)) as MongoServerError;
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(11000);
    expect(err.errmsg).toBe(
      `E11000 duplicate key error collection: ${target.dbName}.${coll.collectionName} index: email_1 dup key: { email: "a@x.nl" }`,
    );
    expect(err.keyPattern).toEqual({ email: 1 });
    expect(err.keyValue).toEqual({ email: 'a@x.nl' });
  });

  it('rejects a duplicate _id', async () => {
    await coll.insertOne({ _id: 'k' as never });
    const err = (await coll.insertOne({ _id: 'k' as never }).catch((e: unknown) => e)) as MongoServerError;
    expect(err.code).toBe(11000);
    expect(err.keyPattern).toEqual({ _id: 1 });
  });

  it('enforces compound unique indexes', async () => {
    await coll.createIndex({ a: 1, b: 1 }, { unique: true });
    await coll.insertMany([
      { a: 1, b: 1 },
      { a: 1, b: 2 },
    ]);
    const err = (await coll.insertOne({ a: 1, b: 2 }).catch((e: unknown) => e)) as MongoServerError;
    expect(err.code).toBe(11000);
    expect(err.keyValue).toEqual({ a: 1, b: 2 });
    expect(err.errmsg).toContain('index: a_1_b_1 dup key: { a: 1, b: 2 }');
  });

  it('sparse unique ignores documents without the field; non-sparse treats missing as null', async () => {
    await coll.createIndex({ s: 1 }, { unique: true, sparse: true });
    await coll.insertMany([{}, {}, { s: 1 }]);
    const other = db.collection(`${coll.collectionName}_ns`);
    await other.createIndex({ s: 1 }, { unique: true });
    await other.insertOne({});
    const err = (await other.insertOne({}).catch((e: unknown) => e)) as MongoServerError;
    expect(err.code).toBe(11000);
    expect(err.keyValue).toEqual({ s: null });
  });

  it('partial unique indexes only constrain matching documents', async () => {
    await coll.createIndex({ code: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await coll.insertMany([
      { code: 'x', active: false },
      { code: 'x', active: false },
      { code: 'x', active: true },
    ]);
    const err = (await coll
      .insertOne({ code: 'x', active: true })
      .catch((e: unknown) => e)) as MongoServerError;
    expect(err.code).toBe(11000);
  });

  it('an update that would duplicate a key changes nothing', async () => {
    await coll.createIndex({ k: 1 }, { unique: true });
    await coll.insertMany([
      { k: 1, v: 'a' },
      { k: 2, v: 'b' },
    ]);
    const err = (await coll
      .updateOne({ k: 2 }, { $set: { k: 1, v: 'changed' } })
      .catch((e: unknown) => e)) as MongoServerError;
    expect(err.code).toBe(11000);
    expect(await coll.findOne({ k: 2 }, { projection: { _id: 0 } })).toEqual({ k: 2, v: 'b' });
  });

  it('insertMany ordered stops at the first duplicate', async () => {
    await coll.createIndex({ k: 1 }, { unique: true });
    const err = (await coll
      .insertMany([{ k: 1 }, { k: 1 }, { k: 2 }])
      .catch((e: unknown) => e)) as MongoBulkWriteError;
    expect(err).toBeInstanceOf(MongoBulkWriteError);
    expect(err.code).toBe(11000);
    expect(err.result.insertedCount).toBe(1);
    const writeErrors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
    expect(writeErrors.map((w) => w.index)).toEqual([1]);
    expect(await coll.countDocuments()).toBe(1);
  });

  it('insertMany unordered continues past duplicates', async () => {
    await coll.createIndex({ k: 1 }, { unique: true });
    const err = (await coll
      .insertMany([{ k: 1 }, { k: 1 }, { k: 2 }, { k: 2 }], { ordered: false })
      .catch((e: unknown) => e)) as MongoBulkWriteError;
    expect(err.result.insertedCount).toBe(2);
    const writeErrors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
    expect(writeErrors.map((w) => w.index)).toEqual([1, 3]);
    expect(
      writeErrors[0]?.err?.keyValue ?? writeErrors[0]?.errInfo ?? writeErrors[0]?.toJSON(),
    ).toBeDefined();
    expect(await coll.countDocuments()).toBe(2);
  });

  it('findOneAndUpdate reports a duplicate as a top-level error', async () => {
    await coll.createIndex({ k: 1 }, { unique: true });
    await coll.insertMany([{ k: 1 }, { k: 2 }]);
    const err = (await coll
      .findOneAndUpdate({ k: 2 }, { $set: { k: 1 } })
      .catch((e: unknown) => e)) as MongoServerError;
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(11000);
    expect(err.keyValue).toEqual({ k: 1 });
  });

  it('creating a unique index over duplicates fails and leaves no index', async () => {
    await coll.insertMany([{ k: 1 }, { k: 1 }]);
    const err = (await coll
      .createIndex({ k: 1 }, { unique: true })
      .catch((e: unknown) => e)) as MongoServerError;
    expect(err.code).toBe(11000);
    const names = (await coll.listIndexes().toArray()).map((i) => i.name);
    expect(names).toEqual(['_id_']);
  });
});

describe('Mongoose', () => {
  it('surfaces E11000 with keyPattern and keyValue', async () => {
    const User = conn.model(
      `User${Math.random().toString(36).slice(2, 6)}`,
      new mongoose.Schema({ email: { type: String, unique: true }, name: String }),
    );
    await User.init();
    await User.create({ email: 'x@y.nl', name: 'a' });
    const err = (await User.create({ email: 'x@y.nl', name: 'b' }).catch((e: unknown) => e)) as {
      code: number;
      keyPattern: unknown;
      keyValue: unknown;
    };
    expect(err.code).toBe(11000);
    expect(err.keyPattern).toEqual({ email: 1 });
    expect(err.keyValue).toEqual({ email: 'x@y.nl' });
    const many = (await User.insertMany(
      [
        { email: 'p@y.nl', name: 'p' },
        { email: 'x@y.nl', name: 'dup' },
        { email: 'q@y.nl', name: 'q' },
      ],
      { ordered: false },
    ).catch((e: unknown) => e)) as { code: number; insertedDocs: unknown[] };
    expect(many.code).toBe(11000);
    expect(await User.countDocuments()).toBe(3);
  });

  it('a versioned filter matches nothing when stale; optimisticConcurrency rejects stale saves', async () => {
    const Doc = conn.model(
      `Doc${Math.random().toString(36).slice(2, 6)}`,
      new mongoose.Schema({ title: String, tags: [String] }, { optimisticConcurrency: true }),
    );
    const created = await Doc.create({ title: 't', tags: [] });
    const first = await Doc.updateOne(
      { _id: created._id, __v: 0 },
      { $set: { title: 'u' }, $inc: { __v: 1 } },
    );
    expect(first.modifiedCount).toBe(1);
    const stale = await Doc.updateOne(
      { _id: created._id, __v: 0 },
      { $set: { title: 'v' }, $inc: { __v: 1 } },
    );
    expect(stale.matchedCount).toBe(0);

    const a = await Doc.findById(created._id).orFail();
    const b = await Doc.findById(created._id).orFail();
    a.title = 'from a';
    await a.save();
    b.title = 'from b';
    await expect(b.save()).rejects.toThrow(mongoose.Error.VersionError);
    expect((await Doc.findById(created._id).lean())?.title).toBe('from a');
  });
});
