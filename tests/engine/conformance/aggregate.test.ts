import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import { openTarget, type Target } from '../target.js';

let target: Target;
let client: MongoClient;
let db: Db;
let orders: Collection;
let customers: Collection;

beforeAll(async () => {
  target = await openTarget('aggregate');
  client = await MongoClient.connect(target.uri);
  db = client.db(target.dbName);
  orders = db.collection('orders');
  customers = db.collection('customers');
  await customers.insertMany([
    { _id: 1 as never, name: 'Ada' },
    { _id: 2 as never, name: 'Bob' },
  ]);
  await orders.insertMany([
    { customer: 1, item: 'a', qty: 2, tags: ['x', 'y'] },
    { customer: 1, item: 'b', qty: 5, tags: ['y'] },
    { customer: 2, item: 'a', qty: 1, tags: [] },
    { customer: 3, item: 'c', qty: 7, tags: ['x'] },
  ]);
});

afterAll(async () => {
  await client?.close();
  await target?.close();
});

describe('aggregation stages', () => {
  it('$match $group $sort', async () => {
    const out = await orders
      .aggregate([
        { $match: { qty: { $gte: 2 } } },
        { $group: { _id: '$customer', total: { $sum: '$qty' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(out).toEqual([
      { _id: 1, total: 7 },
      { _id: 3, total: 7 },
    ]);
  });

  it('$project $addFields $set $unset', async () => {
    const out = await orders
      .aggregate([
        { $match: { item: 'b' } },
        { $project: { _id: 0, item: 1, qty: 1 } },
        { $addFields: { double: { $multiply: ['$qty', 2] } } },
        { $set: { label: { $concat: ['$item', '!'] } } },
        { $unset: 'qty' },
      ])
      .toArray();
    expect(out).toEqual([{ item: 'b', double: 10, label: 'b!' }]);
  });

  it('$lookup $unwind $replaceRoot', async () => {
    const out = await orders
      .aggregate([
        { $match: { item: 'a' } },
        { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'c' } },
        { $unwind: '$c' },
        { $replaceRoot: { newRoot: '$c' } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(out).toEqual([
      { _id: 1, name: 'Ada' },
      { _id: 2, name: 'Bob' },
    ]);
    // The joined documents were not modified in place by later stages.
    expect(await customers.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, name: 'Ada' },
      { _id: 2, name: 'Bob' },
    ]);
  });

  it('$unwind of an array field, $count, $skip, $limit', async () => {
    const [count] = await orders.aggregate([{ $unwind: '$tags' }, { $count: 'n' }]).toArray();
    expect(count).toEqual({ n: 4 });
    const limited = await orders
      .aggregate([{ $sort: { qty: 1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { _id: 0, qty: 1 } }])
      .toArray();
    expect(limited).toEqual([{ qty: 2 }, { qty: 5 }]);
  });

  it('$facet', async () => {
    const [out] = await orders
      .aggregate([
        {
          $facet: {
            total: [{ $count: 'n' }],
            big: [{ $match: { qty: { $gt: 4 } } }, { $project: { _id: 0, item: 1 } }],
          },
        },
      ])
      .toArray();
    expect(out).toEqual({ total: [{ n: 4 }], big: [{ item: 'b' }, { item: 'c' }] });
  });

  it('batches large results through getMore', async () => {
    const big = db.collection('big');
    await big.insertMany(Array.from({ length: 300 }, (_, i) => ({ i })));
    const out = await big.aggregate([{ $sort: { i: -1 } }], { batchSize: 50 }).toArray();
    expect(out).toHaveLength(300);
    expect(out[0]?.i).toBe(299);
  });

  it('an unknown stage fails loudly', async () => {
    const err = (await orders
      .aggregate([{ $frobnicate: {} }])
      .toArray()
      .catch((e: unknown) => e)) as MongoServerError;
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(40324);
  });

  it.runIf(!process.env.MONGODB_URI)('$out is refused by the embedded engine', async () => {
    const err = (await orders
      .aggregate([{ $out: 'copy' }])
      .toArray()
      .catch((e: unknown) => e)) as MongoServerError;
    expect(err).toBeInstanceOf(MongoServerError);
  });
});

describe('counting and distinct', () => {
  it('countDocuments, estimatedDocumentCount, distinct', async () => {
    expect(await orders.countDocuments()).toBe(4);
    expect(await orders.countDocuments({ item: 'a' })).toBe(2);
    expect(await orders.countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect(await orders.estimatedDocumentCount()).toBe(4);
    expect((await orders.distinct('item')).sort()).toEqual(['a', 'b', 'c']);
    expect((await orders.distinct('tags')).sort()).toEqual(['x', 'y']);
    expect(await orders.distinct('item', { qty: { $gt: 4 } })).toEqual(expect.arrayContaining(['b', 'c']));
    expect(await db.collection('nothing').countDocuments()).toBe(0);
    expect(await db.collection('nothing').estimatedDocumentCount()).toBe(0);
  });
});
