// Engine-only: durability across restarts and compaction, and behaviour when the journal fails.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Double, Long, MongoClient, MongoServerError, ObjectId } from 'mongodb';
import {
  DataDirLockedError,
  startEmbeddedEngine,
  type EmbeddedEngineOptions,
} from '../../server/db/engine/index.js';
import type { DurableStore, OpenDurableStore } from '../../server/db/engine/storage/durable-store.js';
import { openDurableStore } from '../../server/db/engine/storage/open-durable-store.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'engine-persist-'));
  dirs.push(d);
  return d;
}

async function withEngine<T>(
  options: EmbeddedEngineOptions,
  fn: (client: MongoClient) => Promise<T>,
): Promise<T> {
  const engine = await startEmbeddedEngine(options);
  const client = await MongoClient.connect(engine.uri);
  try {
    return await fn(client);
  } finally {
    await client.close();
    await engine.close();
  }
}

/** Wraps the real store to count compactions and optionally fail appends on demand. */
function instrumentedStore(state: { compactions: number; failAppends: boolean }): OpenDurableStore {
  return async (options, replay) => {
    const store = await openDurableStore(options, replay);
    const wrapped: DurableStore = {
      append: (record) =>
        state.failAppends ? Promise.reject(new Error('disk full (simulated)')) : store.append(record),
      compact: async (records) => {
        await store.compact(records);
        state.compactions++;
      },
      get journalBytes() {
        return store.journalBytes;
      },
      updateLockInfo: (info) => store.updateLockInfo(info),
      close: () => store.close(),
    };
    return wrapped;
  };
}

describe('restart persistence', () => {
  it('keeps documents, updates, deletes, indexes and exact BSON types across a restart', async () => {
    const dataDir = await tempDir();
    const id = new ObjectId();
    await withEngine({ dataDir, port: 0 }, async (client) => {
      const c = client.db('app').collection('things');
      await c.createIndex({ key: 1 }, { unique: true });
      await c.insertOne({ _id: id, key: 'a', d: new Double(1), l: Long.fromNumber(7), n: 1 });
      await c.insertMany([{ key: 'b' }, { key: 'c' }]);
      await c.updateOne({ _id: id }, { $inc: { n: 1 } });
      await c.deleteOne({ key: 'c' });
      await client.db('app').collection('gone').insertOne({});
      await client.db('app').collection('gone').drop();
      await client.db('app').collection('old').insertOne({ v: 1 });
      await client.db('admin').command({ renameCollection: 'app.old', to: 'app.new' });
    });
    await withEngine({ dataDir, port: 0 }, async (client) => {
      const db = client.db('app');
      const c = db.collection('things');
      const doc = await c.findOne({ _id: id }, { promoteValues: false });
      expect(doc?.d).toBeInstanceOf(Double);
      expect(doc?.l).toBeInstanceOf(Long);
      expect((await c.findOne({ _id: id }))?.n).toBe(2);
      expect((await c.find({}, { projection: { _id: 0, key: 1 } }).toArray()).map((d) => d.key)).toEqual([
        'a',
        'b',
      ]);
      const err = (await c.insertOne({ key: 'a' }).catch((e: unknown) => e)) as MongoServerError;
      expect(err.code).toBe(11000);
      const names = (await db.listCollections().toArray()).map((x) => x.name).sort();
      expect(names).toEqual(['new', 'things']);
    });
  });

  it('journals the documents a refused updateMany changed before stopping, and nothing of the refused one', async () => {
    const dataDir = await tempDir();
    const docs = [
      { _id: 1, k: 1, a: { n: 1 } },
      { _id: 2, k: 1, a: 'x' },
      { _id: 3, k: 1, a: { n: 1 } },
    ];
    const expected = [
      { _id: 1, k: 1, a: { n: 2 } },
      { _id: 2, k: 1, a: 'x' },
      { _id: 3, k: 1, a: { n: 1 } },
    ];
    await withEngine({ dataDir, port: 0 }, async (client) => {
      const c = client.db('app').collection<{ _id: number }>('things');
      await c.insertMany(docs);
      const err = await c.updateMany({ k: 1 }, { $inc: { 'a.n': 1 } }).catch((e: unknown) => e);
      expect((err as MongoServerError).code).toBe(28);
      expect(await c.find().sort({ _id: 1 }).toArray()).toEqual(expected);
    });
    await withEngine({ dataDir, port: 0 }, async (client) => {
      const c = client.db('app').collection('things');
      expect(await c.find().sort({ _id: 1 }).toArray()).toEqual(expected);
    });
  });

  it('survives compaction (automatic and on close)', async () => {
    const dataDir = await tempDir();
    const state = { compactions: 0, failAppends: false };
    const openStore = instrumentedStore(state);
    await withEngine({ dataDir, port: 0, compactAfterBytes: 4096, openStore }, async (client) => {
      const c = client.db('app').collection('log');
      for (let i = 0; i < 200; i++) await c.insertOne({ i, pad: 'x'.repeat(100) });
      await c.updateMany({ i: { $lt: 50 } }, { $set: { low: true } });
      await c.deleteMany({ i: { $gte: 150 } });
    });
    expect(state.compactions).toBeGreaterThan(1);
    await withEngine({ dataDir, port: 0, openStore }, async (client) => {
      const c = client.db('app').collection('log');
      expect(await c.countDocuments()).toBe(150);
      expect(await c.countDocuments({ low: true })).toBe(50);
    });
  });

  it('refuses a second engine on the same data directory and names the first one', async () => {
    const dataDir = await tempDir();
    const first = await startEmbeddedEngine({ dataDir, port: 0 });
    try {
      const err = await startEmbeddedEngine({ dataDir, port: 0 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as DataDirLockedError).uri).toBe(first.uri);
    } finally {
      await first.close();
    }
  });
});

describe('journal failure', () => {
  it('never acknowledges an unpersisted write and refuses writes afterwards', async () => {
    const dataDir = await tempDir();
    const state = { compactions: 0, failAppends: false };
    const logged: string[] = [];
    const logger = {
      info: () => undefined,
      warn: () => undefined,
      error: (_o: object, msg?: string) => void logged.push(msg ?? ''),
    };
    await withEngine({ dataDir, port: 0, openStore: instrumentedStore(state), logger }, async (client) => {
      const c = client.db('app').collection('x');
      await c.insertOne({ ok: 1 });
      state.failAppends = true;
      const err = (await c.insertOne({ lost: 1 }).catch((e: unknown) => e)) as MongoServerError;
      expect(err).toBeInstanceOf(MongoServerError);
      expect(err.errmsg).toMatch(/not persisted/);
      state.failAppends = false;
      const refused = (await c.insertOne({ later: 1 }).catch((e: unknown) => e)) as MongoServerError;
      expect(refused).toBeInstanceOf(MongoServerError);
      expect(refused.errmsg).toMatch(/refuses writes/);
      // Reads keep working.
      expect(await c.countDocuments({ ok: 1 })).toBe(1);
    });
    expect(logged).toContain('journal append failed; engine is now read-only');
  });
});
