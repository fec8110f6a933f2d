// Where conformance tests run: the embedded engine on a temp dir (default) or, when MONGODB_URI is set,
// a real MongoDB. An unreachable MONGODB_URI fails the suite instead of silently skipping it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../server/db/engine/index.js';

export type Target = {
  readonly uri: string;
  /** A database name unique to this test file run. */
  readonly dbName: string;
  /** Set when running against the embedded engine. */
  readonly engine?: EmbeddedEngine;
  readonly dataDir?: string;
  readonly isEmbedded: boolean;
  close(): Promise<void>;
};

export async function openTarget(label: string): Promise<Target> {
  const dbName = `conf_${label}_${randomBytes(4).toString('hex')}`;
  const external = process.env.MONGODB_URI;
  if (external) {
    const client = new MongoClient(external, { serverSelectionTimeoutMS: 5000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
    } catch (err) {
      await client.close().catch(() => undefined);
      throw new Error(`MONGODB_URI is set but not reachable (${external}): ${(err as Error).message}`);
    }
    return {
      uri: external,
      dbName,
      isEmbedded: false,
      async close() {
        await client
          .db(dbName)
          .dropDatabase()
          .catch(() => undefined);
        await client.close();
      },
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), `engine-${label}-`));
  const engine = await startEmbeddedEngine({ dataDir, port: 0 });
  return {
    uri: engine.uri,
    dbName,
    engine,
    dataDir,
    isEmbedded: true,
    async close() {
      await engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
