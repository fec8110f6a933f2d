import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, type AppDependencies } from '../../server/app.js';
import { loadConfig } from '../../server/config/config.js';
import { startTestDatabase, type TestDatabase } from './test-database.js';

export type TestApp = {
  baseUrl: string;
  database: TestDatabase;
  stop(): Promise<void>;
};

/** The real app over real HTTP on an ephemeral port, backed by a real database. */
export async function startTestApp(overrides: Partial<AppDependencies> = {}): Promise<TestApp> {
  const database = await startTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0' });
  const app = createApp({
    config,
    logger: pino({ level: 'silent' }),
    connection: database.connection,
    ...overrides,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.stop();
    },
  };
}
