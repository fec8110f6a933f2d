import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../server/db/connect.js';
import { startEmbeddedEngine } from '../../server/db/engine/index.js';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stj-shared-'));
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('several app processes on one embedded store', () => {
  it.skipIf(Boolean(process.env.MONGODB_URI))(
    'attaches to the engine that already holds DATA_DIR (as with `npm run db`)',
    async () => {
      const engine = await startEmbeddedEngine({ dataDir, port: 0, host: '127.0.0.1' });
      const logger = pino({ level: 'silent' });
      const config = { MONGODB_URI: undefined, DATA_DIR: dataDir, EMBEDDED_DB_PORT: 0 };
      const first = await connectDatabase(config, logger);
      const second = await connectDatabase(config, logger);
      try {
        expect(first.engine).toBeUndefined();
        expect(first.uri).toBe(engine.uri);
        expect(second.uri).toBe(engine.uri);
        await first.connection.collection('notes').insertOne({ text: 'gedeeld' });
        expect(await second.connection.collection('notes').findOne({ text: 'gedeeld' })).toMatchObject({
          text: 'gedeeld',
        });
      } finally {
        await first.close();
        await second.close();
        await engine.close();
      }
    },
  );
});
