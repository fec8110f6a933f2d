import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { connectDatabase, type Database } from '../../server/db/connect.js';

export type TestDatabase = Database & { dataDir?: string; stop(): Promise<void> };

/**
 * A real database for a test file: the embedded engine in a fresh temp dir by default, or a fresh
 * database on the server named by MONGODB_URI. There is no fallback: if MONGODB_URI is set and
 * unreachable, the test fails.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const logger = pino({ level: 'silent' });
  const externalUri = process.env.MONGODB_URI || undefined;
  const dataDir = externalUri ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), 'stj-test-db-'));
  const dbName = `test_${crypto.randomBytes(6).toString('hex')}`;
  const database = await connectDatabase(
    { MONGODB_URI: externalUri, DATA_DIR: dataDir ?? '', EMBEDDED_DB_PORT: 0 },
    logger,
    { dbName },
  );
  return {
    ...database,
    dataDir,
    async stop() {
      if (externalUri) await database.connection.dropDatabase();
      await database.close();
      if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
