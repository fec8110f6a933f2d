// Updates MongoDB refuses because of the value already stored: a path through null or a scalar,
// $inc/$mul on a non-number, the array operators on a non-array. The refused document is left as it
// was, the error reaches the driver in the command's own shape, and a multi-document update stops at
// the first refused document with the earlier ones updated (there is no transaction).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MongoClient,
  MongoServerError,
  type Collection,
  type Db,
  type Document,
  type ObjectId,
} from 'mongodb';
import { openTarget, type Target } from '../target.js';

let target: Target;
let client: MongoClient;
let db: Db;
let coll: Collection<AnyDoc>;

beforeAll(async () => {
  target = await openTarget('refused');
  client = await MongoClient.connect(target.uri);
  db = client.db(target.dbName);
});

afterAll(async () => {
  await client?.close();
  await target?.close();
});

beforeEach(async () => {
  coll = db.collection<AnyDoc>(`c${Math.random().toString(36).slice(2, 8)}`);
});

// Tests use numeric _ids; the driver's default schema types _id as ObjectId.
type AnyDoc = { _id?: number | ObjectId } & Document;

type Refusal = { name: string; doc: Document; update: Document; code: number; message: string[] };

const REFUSALS: Refusal[] = [
  {
    name: '$set through null',
    doc: { a: null },
    update: { $set: { 'a.b': 1 } },
    code: 28,
    message: ["Cannot create field 'b' in element"],
  },
  {
    name: '$set through a number',
    doc: { a: 5 },
    update: { $set: { 'a.b': 1 } },
    code: 28,
    message: ["Cannot create field 'b' in element"],
  },
  {
    name: '$set through a nested string',
    doc: { a: { b: 'x' } },
    update: { $set: { 'a.b.c': 1 } },
    code: 28,
    message: ["Cannot create field 'c' in element"],
  },
  {
    name: '$set through an array by field name',
    doc: { a: [{ b: 1 }] },
    update: { $set: { 'a.b': 2 } },
    code: 28,
    message: ["Cannot create field 'b' in element"],
  },
  {
    name: '$inc through null',
    doc: { a: null },
    update: { $inc: { 'a.n': 1 } },
    code: 28,
    message: ["Cannot create field 'n' in element"],
  },
  {
    name: '$push through a number',
    doc: { a: 5 },
    update: { $push: { 'a.list': 1 } },
    code: 28,
    message: ["Cannot create field 'list' in element"],
  },
  {
    name: '$inc on null',
    doc: { a: null },
    update: { $inc: { a: 1 } },
    code: 14,
    message: [
      'Cannot apply $inc to a value of non-numeric type.',
      "has the field 'a' of non-numeric type null",
    ],
  },
  {
    name: '$inc on a string',
    doc: { a: 'x' },
    update: { $inc: { a: 1 } },
    code: 14,
    message: [
      'Cannot apply $inc to a value of non-numeric type.',
      "has the field 'a' of non-numeric type string",
    ],
  },
  {
    name: '$mul on a string',
    doc: { a: 'x' },
    update: { $mul: { a: 2 } },
    code: 14,
    message: [
      'Cannot apply $mul to a value of non-numeric type.',
      "has the field 'a' of non-numeric type string",
    ],
  },
  {
    name: '$push onto a string',
    doc: { a: 'x' },
    update: { $push: { a: 1 } },
    code: 2,
    message: ["The field 'a' must be an array but is of type string in document"],
  },
  {
    name: '$push onto null',
    doc: { a: null },
    update: { $push: { a: 1 } },
    code: 2,
    message: ["The field 'a' must be an array but is of type null in document"],
  },
  {
    name: '$addToSet onto a number',
    doc: { a: 1 },
    update: { $addToSet: { a: 1 } },
    code: 2,
    message: ["Cannot apply $addToSet to non-array field. Field named 'a' has non-array type int"],
  },
  {
    name: '$pull from a string',
    doc: { a: 'x' },
    update: { $pull: { a: 'x' } },
    code: 2,
    message: ['Cannot apply $pull to a non-array value'],
  },
  {
    name: '$pop on a document',
    doc: { a: { b: 1 } },
    update: { $pop: { a: 1 } },
    code: 14,
    message: ["Path 'a' contains an element of non-array type 'object'"],
  },
  {
    name: '$rename into a path through a number',
    doc: { a: 5, b: 1 },
    update: { $rename: { b: 'a.c' } },
    code: 28,
    message: ["Cannot create field 'c' in element"],
  },
  {
    name: '$bit on a string',
    doc: { a: 'x' },
    update: { $bit: { a: { and: 1 } } },
    code: 2,
    message: [
      'Cannot apply $bit to a value of non-integral type.',
      'has the field a of non-integer type string',
    ],
  },
  {
    name: '$[] on a number',
    doc: { a: 5 },
    update: { $set: { 'a.$[]': 1 } },
    code: 2,
    message: ['Cannot apply array updates to non-array element a: 5'],
  },
  {
    name: '$[] on a missing field',
    doc: { b: 1 },
    update: { $inc: { 'a.$[]': 1 } },
    code: 2,
    message: ["The path 'a' must exist in the document in order to apply array updates."],
  },
];

function expectRefusal(err: unknown, code: number, message: string[]): void {
  expect(err).toBeInstanceOf(MongoServerError);
  expect((err as MongoServerError).code).toBe(code);
  for (const part of message) expect((err as MongoServerError).message).toContain(part);
}

describe('updates refused for the stored value', () => {
  for (const c of REFUSALS) {
    it(`updateOne: ${c.name} → ${c.code}, document unchanged`, async () => {
      const { insertedId } = await coll.insertOne({ ...c.doc });
      const err = await coll.updateOne({ _id: insertedId }, c.update).catch((e: unknown) => e);
      expectRefusal(err, c.code, c.message);
      expect(await coll.findOne({ _id: insertedId }, { projection: { _id: 0 } })).toEqual(c.doc);
    });

    it(`findOneAndUpdate: ${c.name} → ${c.code}, document unchanged`, async () => {
      const { insertedId } = await coll.insertOne({ ...c.doc });
      const err = await coll
        .findOneAndUpdate({ _id: insertedId }, c.update, { returnDocument: 'after' })
        .catch((e: unknown) => e);
      expectRefusal(err, c.code, c.message);
      expect(await coll.findOne({ _id: insertedId }, { projection: { _id: 0 } })).toEqual(c.doc);
    });
  }

  it('$unset through null or a scalar is a no-op, not an error', async () => {
    const { insertedId } = await coll.insertOne({ a: null, b: 5 });
    const res = await coll.updateOne({ _id: insertedId }, { $unset: { 'a.x': 1, 'b.y': 1 } });
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('update: the refused statement is a writeErrors entry (index, code, errmsg) after the ones before it', async () => {
    await coll.insertMany([
      { _id: 1, a: 1 },
      { _id: 2, a: 'x' },
    ]);
    const reply = await db.command({
      update: coll.collectionName,
      updates: [
        { q: { _id: 1 }, u: { $inc: { a: 1 } } },
        { q: { _id: 2 }, u: { $inc: { a: 1 } } },
        { q: { _id: 1 }, u: { $inc: { a: 1 } } },
      ],
    });
    expect(reply.ok).toBe(1);
    expect(reply.n).toBe(1);
    expect(reply.nModified).toBe(1);
    expect(reply.writeErrors).toHaveLength(1);
    const [writeError] = reply.writeErrors as Document[];
    expect(writeError).toMatchObject({ index: 1, code: 14 });
    expect(writeError?.errmsg).toContain("has the field 'a' of non-numeric type string");
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, a: 2 },
      { _id: 2, a: 'x' },
    ]);
  });

  it('update with ordered: false goes on after the refused statement', async () => {
    await coll.insertMany([
      { _id: 1, a: null },
      { _id: 2, a: {} },
    ]);
    const reply = await db.command({
      update: coll.collectionName,
      ordered: false,
      updates: [
        { q: { _id: 1 }, u: { $set: { 'a.b': 1 } } },
        { q: { _id: 2 }, u: { $set: { 'a.b': 1 } } },
      ],
    });
    expect(reply.writeErrors).toHaveLength(1);
    expect(reply.writeErrors[0]).toMatchObject({ index: 0, code: 28 });
    expect(reply.n).toBe(1);
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, a: null },
      { _id: 2, a: { b: 1 } },
    ]);
  });

  it('an upsert refused for the document it builds from the filter inserts nothing', async () => {
    const reply = await db.command({
      update: coll.collectionName,
      updates: [{ q: { a: 'x' }, u: { $inc: { a: 1 } }, upsert: true }],
    });
    expect(reply.writeErrors).toHaveLength(1);
    expect(reply.writeErrors[0]).toMatchObject({ index: 0, code: 14 });
    expect(reply.n).toBe(0);
    expect(reply.upserted).toBeUndefined();
    expect(await coll.countDocuments()).toBe(0);
  });

  it('findAndModify: a command error with codeName', async () => {
    await coll.insertOne({ _id: 1, a: 5 });
    const err = await db
      .command({ findAndModify: coll.collectionName, query: { _id: 1 }, update: { $set: { 'a.b': 1 } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(28);
    expect((err as MongoServerError).codeName).toBe('PathNotViable');
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: 5 });
  });

  it('updateMany stops at the first refused document; the ones before it stay updated', async () => {
    await coll.insertMany([
      { _id: 1, k: 1, a: {} },
      { _id: 2, k: 1, a: 5 },
      { _id: 3, k: 1, a: {} },
      { _id: 4, k: 2, a: {} },
    ]);
    const err = await coll.updateMany({ k: 1 }, { $set: { 'a.b': 1 } }).catch((e: unknown) => e);
    expectRefusal(err, 28, ["Cannot create field 'b' in element"]);
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, k: 1, a: { b: 1 } },
      { _id: 2, k: 1, a: 5 },
      { _id: 3, k: 1, a: {} },
      { _id: 4, k: 2, a: {} },
    ]);
  });
});
