import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoClient, MongoServerError, type Db } from 'mongodb';
import { openTarget, type Target } from '../target.js';

let target: Target;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  target = await openTarget('catalog');
  client = await MongoClient.connect(target.uri);
  db = client.db(target.dbName);
});

afterAll(async () => {
  await client?.close();
  await target?.close();
});

async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  return err instanceof MongoServerError ? (err.code as number) : undefined;
}

describe('collections', () => {
  it('create fails with NamespaceExists (48) for an existing collection', async () => {
    await db.createCollection('exists');
    expect(await codeOf(db.createCollection('exists'))).toBe(48);
  });

  it('listCollections filters by name and supports nameOnly', async () => {
    await db.createCollection('lc_a');
    await db.collection('lc_b').insertOne({});
    const all = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(all).toEqual(expect.arrayContaining(['lc_a', 'lc_b']));
    const one = await db.listCollections({ name: 'lc_a' }).toArray();
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ name: 'lc_a', type: 'collection' });
  });

  it('renames collections, refusing an existing target unless dropTarget', async () => {
    await db.collection('rn_src').insertOne({ v: 1 });
    await db.collection('rn_other').insertOne({ v: 2 });
    await db.collection('rn_src').createIndex({ v: 1 }, { unique: true });
    expect(await codeOf(db.renameCollection('rn_src', 'rn_other'))).toBe(48);
    await db.renameCollection('rn_src', 'rn_dst');
    expect(await db.collection('rn_dst').findOne({}, { projection: { _id: 0 } })).toEqual({ v: 1 });
    expect((await db.collection('rn_dst').listIndexes().toArray()).map((i) => i.name)).toEqual([
      '_id_',
      'v_1',
    ]);
    expect(await db.collection('rn_src').countDocuments()).toBe(0);
    await db.renameCollection('rn_dst', 'rn_other', { dropTarget: true });
    expect(await db.collection('rn_other').findOne({}, { projection: { _id: 0 } })).toEqual({ v: 1 });
    expect(await codeOf(db.renameCollection('missing', 'whatever'))).toBe(26);
  });

  it('drops collections and databases', async () => {
    await db.collection('to_drop').insertOne({});
    expect(await db.collection('to_drop').drop()).toBe(true);
    expect(await db.collection('to_drop').countDocuments()).toBe(0);
    const other = client.db(`${target.dbName}_x`);
    await other.collection('a').insertOne({});
    const before = (await client.db('admin').admin().listDatabases()).databases.map((d) => d.name);
    expect(before).toContain(`${target.dbName}_x`);
    await other.dropDatabase();
    const after = (await client.db('admin').admin().listDatabases()).databases.map((d) => d.name);
    expect(after).not.toContain(`${target.dbName}_x`);
  });
});

describe('indexes', () => {
  it('lists, creates idempotently and drops indexes', async () => {
    const c = db.collection('ix');
    await c.createIndex({ a: 1 });
    await c.createIndex({ a: 1 }); // identical: no-op
    await c.createIndex({ b: -1, c: 1 }, { name: 'bc', unique: true });
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
    const list = await c.listIndexes().toArray();
    expect(list.map((i) => i.name)).toEqual(['_id_', 'a_1', 'bc', 'at_1']);
    expect(list.find((i) => i.name === 'bc')).toMatchObject({ key: { b: -1, c: 1 }, unique: true });
    expect(list.find((i) => i.name === 'at_1')).toMatchObject({ expireAfterSeconds: 3600 });
    await c.dropIndex('a_1');
    expect(await codeOf(c.dropIndex('a_1'))).toBe(27);
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('listIndexes on a missing collection fails with NamespaceNotFound (26)', async () => {
    expect(await codeOf(db.collection('nope').listIndexes().toArray())).toBe(26);
  });

  it('the same key under another name conflicts (85)', async () => {
    const c = db.collection('ix2');
    await c.createIndex({ a: 1 }, { name: 'first' });
    expect(await codeOf(c.createIndex({ a: 1 }, { name: 'second' }))).toBe(85);
  });
});

describe('server commands', () => {
  it('answers ping, buildInfo, hello and serverStatus', async () => {
    const admin = client.db('admin');
    expect((await admin.command({ ping: 1 })).ok).toBe(1);
    const info = await admin.command({ buildInfo: 1 });
    expect(typeof info.version).toBe('string');
    const hello = await admin.command({ hello: 1 });
    expect(hello).toMatchObject({ isWritablePrimary: true, maxBsonObjectSize: 16777216 });
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(target.isEmbedded ? 21 : 9);
    const status = await admin.command({ serverStatus: 1 });
    expect(status.connections.current).toBeGreaterThan(0);
  });

  // A replica set would run the transaction; the engine (like a standalone mongod) refuses it.
  it.runIf(!process.env.MONGODB_URI)('refuses transactions with a clear error', async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      const err = await db
        .collection('tx')
        .insertOne({ a: 1 }, { session })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
    } finally {
      await session.endSession();
    }
  });
});
