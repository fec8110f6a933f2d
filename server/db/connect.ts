import mongoose, { type Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { DataDirLockedError, startEmbeddedEngine, type EmbeddedEngine } from './engine/index.js';

export type Database = {
  connection: Connection;
  /** Set when this process runs the embedded engine itself. */
  engine?: EmbeddedEngine;
  uri: string;
  close(): Promise<void>;
};

// Production runs on a replica set: acknowledge a write only once a majority has journaled it.
const durableWrites = { w: 'majority' as const, j: true };

export async function connectDatabase(
  config: Pick<Config, 'MONGODB_URI' | 'DATA_DIR' | 'EMBEDDED_DB_PORT'>,
  logger: Logger,
  options: { dbName?: string } = {},
): Promise<Database> {
  let engine: EmbeddedEngine | undefined;
  let uri = config.MONGODB_URI;
  if (!uri) {
    try {
      engine = await startEmbeddedEngine({
        dataDir: config.DATA_DIR,
        port: config.EMBEDDED_DB_PORT,
        host: '127.0.0.1',
        logger: logger.child({ component: 'engine' }),
      });
      uri = engine.uri;
      logger.info({ dataDir: config.DATA_DIR, uri }, 'embedded database started');
    } catch (err) {
      // `npm run db` (or another app process) already serves this DATA_DIR: share that engine.
      if (!(err instanceof DataDirLockedError) || !err.uri) throw err;
      uri = err.uri;
      logger.info({ dataDir: config.DATA_DIR, uri }, 'using the embedded database of another process');
    }
  }

  const connection = mongoose.createConnection(uri, {
    writeConcern: durableWrites,
    serverSelectionTimeoutMS: 10_000,
    sanitizeFilter: true,
    ...(options.dbName ? { dbName: options.dbName } : {}),
  });
  connection.set('strictQuery', true);
  try {
    await connection.asPromise();
  } catch (err) {
    await engine?.close();
    throw err;
  }

  return {
    connection,
    engine,
    uri,
    async close() {
      await connection.close();
      await engine?.close();
    },
  };
}
