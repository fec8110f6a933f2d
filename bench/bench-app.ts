// What the app benches share: production config on a fresh temp data dir, the embedded engine with
// fsync'ed writes, and a request logger that pays production's cost without printing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../server/config/config.js';
import { connectDatabase } from '../server/db/connect.js';
import { prepareRespondStorage } from '../server/respond/respond.context.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const questionnaireDir = path.join(projectRoot, 'questionnaires');

export type BenchApp = {
  config: Config;
  logger: Logger;
  database: Awaited<ReturnType<typeof connectDatabase>>;
  /** Closes the database (and the engine) and deletes the data dir. */
  close(): Promise<void>;
};

export async function openBenchApp(name: string): Promise<BenchApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `stj-${name}-bench-`));
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(32),
    PORT: '0',
    DATA_DIR: dataDir,
    QUESTIONNAIRE_DIR: questionnaireDir,
  });
  // Production logs every request at info; write them to /dev/null so their cost is still paid.
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const database = await connectDatabase({ ...config, EMBEDDED_DB_PORT: 0 }, pino({ level: 'silent' }));
  await prepareRespondStorage(database.connection);
  return {
    config,
    logger,
    database,
    async close() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
