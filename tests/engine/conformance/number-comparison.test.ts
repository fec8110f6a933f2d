// MongoDB compares numbers by exact value across int32, int64, double and decimal128: NumberLong(5)
// equals 5.0, but Long(2^53 + 1) is not the double 2^53 (which is the nearest double to it), and
// NumberDecimal("0.1") is not the double 0.1. Equality, ranges, sort, `$in` and unique indexes agree.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  Decimal128,
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
let coll: Collection<{ _id: string } & Document>;

beforeAll(async () => {
  target = await openTarget('numbers');
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

const TWO_53 = 2 ** 53;
const L = (s: string): Long => Long.fromString(s);
const D = (s: string): Decimal128 => Decimal128.fromString(s);

const NUMBERS: { _id: string; n: unknown }[] = [
  { _id: 'long 2^53+1', n: L('9007199254740993') },
  { _id: 'long 2^53', n: L('9007199254740992') },
  { _id: 'double 2^53+2', n: TWO_53 + 2 },
  { _id: 'decimal 2^53+3', n: D('9007199254740995') },
  { _id: 'long 2^60+1', n: L('1152921504606846977') },
  { _id: 'double 2^60', n: 2 ** 60 },
  { _id: 'int 5', n: new Int32(5) },
  { _id: 'long -3', n: L('-3') },
  { _id: 'double 0.1', n: 0.1 },
  { _id: 'decimal 0.1', n: D('0.1') },
  { _id: 'decimal 1.5', n: D('1.5') },
];

async function ids(filter: Document, sort: Document = { _id: 1 }): Promise<string[]> {
  return (await coll.find(filter).sort(sort).toArray()).map((d) => d._id);
}

describe('numbers compare by exact value', () => {
  beforeEach(async () => {
    await coll.insertMany(NUMBERS.map((d) => ({ ...d })));
  });

  it('equality distinguishes Longs beyond 2^53 that share a double', async () => {
    expect(await ids({ n: L('9007199254740993') })).toEqual(['long 2^53+1']);
    expect(await ids({ n: L('9007199254740992') })).toEqual(['long 2^53']);
    expect(await ids({ n: TWO_53 })).toEqual(['long 2^53']);
    expect(await ids({ n: L('9007199254740994') })).toEqual(['double 2^53+2']);
    expect(await ids({ n: L('1152921504606846976') })).toEqual(['double 2^60']);
    expect(await ids({ n: 2 ** 60 + 1 })).toEqual(['double 2^60']);
  });

  it('equality across representations: NumberLong(5) == 5.0 == NumberDecimal("5.00")', async () => {
    expect(await ids({ n: L('5') })).toEqual(['int 5']);
    expect(await ids({ n: new Double(5) })).toEqual(['int 5']);
    expect(await ids({ n: D('5.00') })).toEqual(['int 5']);
    expect(await ids({ n: -3 })).toEqual(['long -3']);
  });

  it('decimal equals a double only when the values are exactly equal', async () => {
    expect(await ids({ n: 0.1 })).toEqual(['double 0.1']);
    expect(await ids({ n: D('0.1') })).toEqual(['decimal 0.1']);
    expect(await ids({ n: 1.5 })).toEqual(['decimal 1.5']);
    expect(await ids({ n: D('9007199254740995') })).toEqual(['decimal 2^53+3']);
    expect(await ids({ n: L('9007199254740995') })).toEqual(['decimal 2^53+3']);
  });

  it('ranges are exact', async () => {
    expect(await ids({ n: { $gt: TWO_53 } }, { n: 1 })).toEqual([
      'long 2^53+1',
      'double 2^53+2',
      'decimal 2^53+3',
      'double 2^60',
      'long 2^60+1',
    ]);
    expect(await ids({ n: { $gt: L('9007199254740993'), $lt: 2 ** 60 } }, { n: 1 })).toEqual([
      'double 2^53+2',
      'decimal 2^53+3',
    ]);
    expect(await ids({ n: { $gte: 0.1, $lt: 1 } })).toEqual(['double 0.1']);
    expect(await ids({ n: { $gt: D('0.1'), $lt: 1 } })).toEqual(['double 0.1']);
    expect(await ids({ n: { $gt: 0.1, $lt: 1 } })).toEqual([]);
    expect(await ids({ n: { $lt: 0.1, $gt: 0 } })).toEqual(['decimal 0.1']);
  });

  it('sorts by exact value in both directions', async () => {
    const ascending = [
      'long -3',
      'decimal 0.1',
      'double 0.1',
      'decimal 1.5',
      'int 5',
      'long 2^53',
      'long 2^53+1',
      'double 2^53+2',
      'decimal 2^53+3',
      'double 2^60',
      'long 2^60+1',
    ];
    expect(await ids({}, { n: 1 })).toEqual(ascending);
    expect(await ids({}, { n: -1 })).toEqual([...ascending].reverse());
  });

  it('$in and $nin hash exactly', async () => {
    expect(await ids({ n: { $in: [L('9007199254740993'), 2 ** 60 + 1, D('0.1'), 5] } })).toEqual([
      'decimal 0.1',
      'double 2^60',
      'int 5',
      'long 2^53+1',
    ]);
    expect(await ids({ n: { $nin: [TWO_53, 0.1, D('1.50')] } })).toHaveLength(NUMBERS.length - 3);
  });
});

describe('unique indexes key numbers by exact value', () => {
  it('accepts distinct Longs beyond 2^53 and refuses equal values of other types', async () => {
    await coll.createIndex({ n: 1 }, { unique: true });
    await coll.insertOne({ _id: 'a', n: L('9007199254740993') });
    await coll.insertOne({ _id: 'b', n: L('9007199254740992') });
    await coll.insertOne({ _id: 'c', n: L('1152921504606846977') });
    await coll.insertOne({ _id: 'd', n: 2 ** 60 });
    await coll.insertOne({ _id: 'e', n: D('0.1') });
    await coll.insertOne({ _id: 'f', n: 0.1 });
    for (const dup of [
      TWO_53,
      D('9007199254740993'),
      L('1152921504606846976'),
      D('1.152921504606846976E+18'),
    ]) {
      const err = await coll.insertOne({ _id: `dup ${String(dup)}`, n: dup }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MongoServerError);
      expect((err as MongoServerError).code).toBe(11000);
    }
    expect(await coll.countDocuments()).toBe(6);
    expect((await coll.findOne({ n: L('9007199254740993') }))?._id).toBe('a');
  });

  it('numeric _ids are exact too', async () => {
    const raw = db.collection<{ _id: Long | number; v?: number }>(coll.collectionName);
    await raw.insertOne({ _id: L('9007199254740993'), v: 1 });
    await raw.insertOne({ _id: TWO_53, v: 2 });
    const err = await raw.insertOne({ _id: L('9007199254740992') }).catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(11000);
    expect((await raw.findOne({ _id: L('9007199254740993') }))?.v).toBe(1);
  });
});
