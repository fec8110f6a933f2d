import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Binary,
  Decimal128,
  Double,
  Int32,
  Long,
  MongoClient,
  ObjectId,
  type Collection,
  type Db,
} from 'mongodb';
import { openTarget, type Target } from '../target.js';

let target: Target;
let client: MongoClient;
let db: Db;
let coll: Collection;

const oid = new ObjectId('65a1b2c3d4e5f60718293a4b');
const when = new Date('2024-05-06T07:08:09.123Z');

const SAMPLE = {
  _id: oid,
  str: 'tekst ë',
  int: new Int32(42),
  long: Long.fromString('9007199254740993'),
  double: new Double(1),
  frac: 2.5,
  bool: true,
  nul: null,
  date: when,
  bin: new Binary(Buffer.from([0, 1, 2, 255]), 0),
  uuid: new Binary(Buffer.from('00112233445566778899aabbccddeeff', 'hex'), 4),
  dec: Decimal128.fromString('1.10'),
  arr: [1, 'two', { three: 3 }],
  nested: { a: { b: [new ObjectId('65a1b2c3d4e5f60718293a4c')] } },
};

beforeAll(async () => {
  target = await openTarget('bson');
  client = await MongoClient.connect(target.uri);
  db = client.db(target.dbName);
  coll = db.collection('types');
  await coll.insertOne({ ...SAMPLE });
});

afterAll(async () => {
  await client?.close();
  await target?.close();
});

describe('BSON round trip', () => {
  it('returns every type exactly (promoteValues: false)', async () => {
    const raw = await coll.findOne({ _id: oid }, { promoteValues: false, promoteLongs: false });
    expect(raw).not.toBeNull();
    const doc = raw as Record<string, unknown>;
    expect(doc.int).toBeInstanceOf(Int32);
    expect((doc.int as Int32).value).toBe(42);
    expect(doc.long).toBeInstanceOf(Long);
    expect((doc.long as Long).toString()).toBe('9007199254740993');
    expect(doc.double).toBeInstanceOf(Double);
    expect((doc.double as Double).value).toBe(1);
    expect(doc.frac).toBeInstanceOf(Double);
    expect(doc.dec).toBeInstanceOf(Decimal128);
    expect((doc.dec as Decimal128).toString()).toBe('1.10');
    expect((doc.uuid as Binary).sub_type).toBe(4);
    expect(doc.date).toEqual(when);
  });

  it('returns the document unchanged with default promotion', async () => {
    const doc = await coll.findOne({ _id: oid });
    expect(doc?.str).toBe(SAMPLE.str);
    expect(doc?.bool).toBe(true);
    expect(doc?.nul).toBeNull();
    expect(doc?.arr).toEqual(SAMPLE.arr);
    expect(doc?.nested).toEqual(SAMPLE.nested);
    expect(Buffer.from((doc?.bin as Binary).buffer)).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('matches $type against BSON types', async () => {
    const types: [string, string][] = [
      ['_id', 'objectId'],
      ['int', 'int'],
      ['long', 'long'],
      ['double', 'double'],
      ['frac', 'double'],
      ['dec', 'decimal'],
      ['bin', 'binData'],
      ['date', 'date'],
      ['nul', 'null'],
      ['bool', 'bool'],
      ['str', 'string'],
      ['arr', 'array'],
      ['nested', 'object'],
    ];
    for (const [field, type] of types) {
      expect(await coll.countDocuments({ [field]: { $type: type } }), `${field} is ${type}`).toBe(1);
    }
    expect(await coll.countDocuments({ int: { $type: 'number' } })).toBe(1);
    expect(await coll.countDocuments({ int: { $type: 'string' } })).toBe(0);
    const [typed] = await coll
      .aggregate([{ $project: { _id: 0, t: { $type: '$_id' }, l: { $type: '$long' } } }])
      .toArray();
    expect(typed).toEqual({ t: 'objectId', l: 'long' });
  });

  it('compares across numeric types and by value for ObjectId, Date, Binary', async () => {
    expect(await coll.countDocuments({ int: 42 })).toBe(1);
    expect(await coll.countDocuments({ int: Long.fromNumber(42) })).toBe(1);
    expect(await coll.countDocuments({ double: 1 })).toBe(1);
    expect(await coll.countDocuments({ long: { $gt: 9007199254740000 } })).toBe(1);
    expect(await coll.countDocuments({ _id: new ObjectId(oid.toHexString()) })).toBe(1);
    expect(await coll.countDocuments({ date: new Date(when.getTime()) })).toBe(1);
    expect(await coll.countDocuments({ date: { $gte: new Date(when.getTime() - 1) } })).toBe(1);
    expect(await coll.countDocuments({ bin: new Binary(Buffer.from([0, 1, 2, 255]), 0) })).toBe(1);
    expect(await coll.countDocuments({ 'nested.a.b': new ObjectId('65a1b2c3d4e5f60718293a4c') })).toBe(1);
  });

  it('sorts in BSON type order: null < numbers < strings < ObjectId < Date', async () => {
    const c = db.collection('order');
    await c.insertMany([
      { k: 'b', n: 1 },
      { k: new Date(0), n: 2 },
      { k: 3, n: 3 },
      { k: null, n: 4 },
      { k: new ObjectId(), n: 5 },
      { k: Long.fromNumber(2), n: 6 },
      { k: 2.5, n: 7 },
      { n: 8 },
      { k: 'a', n: 9 },
      { k: true, n: 10 },
    ]);
    const order = (
      await c
        .find({}, { projection: { _id: 0, n: 1 } })
        .sort({ k: 1, n: 1 })
        .toArray()
    ).map((d) => d.n);
    // null and missing sort together (stable by n), then 2, 2.5, 3, then 'a', 'b', ObjectId, true, Date.
    expect(order).toEqual([4, 8, 6, 7, 3, 9, 1, 5, 10, 2]);
  });

  it('increments Long and Double values keeping their type', async () => {
    const c = db.collection('inc');
    const { insertedId } = await c.insertOne({ l: Long.fromNumber(5), d: new Double(1) });
    await c.updateOne({ _id: insertedId }, { $inc: { l: 1, d: 1 } });
    const doc = (await c.findOne({ _id: insertedId }, { promoteValues: false })) as Record<string, unknown>;
    expect(doc.l).toBeInstanceOf(Long);
    expect((doc.l as Long).toNumber()).toBe(6);
    expect(doc.d).toBeInstanceOf(Double);
    expect((doc.d as Double).value).toBe(2);
  });
});
