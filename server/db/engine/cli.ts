// `npm run db`: runs the embedded engine on its own so several app processes (or a shell) can share it.
// DATA_DIR (default ./data) and EMBEDDED_DB_PORT (default 27117) configure it; it listens on 127.0.0.1.
import { DataDirLockedError, startEmbeddedEngine, type EngineLogger } from './index.js';

const logger: EngineLogger = {
  info: (obj, msg) => console.log(JSON.stringify({ level: 'info', msg, ...obj })),
  warn: (obj, msg) => console.warn(JSON.stringify({ level: 'warn', msg, ...obj })),
  error: (obj, msg) =>
    console.error(
      JSON.stringify({ level: 'error', msg, ...obj, err: String((obj as { err?: unknown }).err ?? '') }),
    ),
};

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 27117;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`EMBEDDED_DB_PORT must be a port number, got ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR || './data';
  const port = parsePort(process.env.EMBEDDED_DB_PORT);
  let engine;
  try {
    engine = await startEmbeddedEngine({ dataDir, port, host: '127.0.0.1', logger });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`${err.message}. Connect to it instead${err.uri ? `: ${err.uri}` : ''}.`);
      process.exit(1);
    }
    throw err;
  }
  console.log(`embedded database listening on ${engine.uri} (data: ${dataDir})`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping`);
    engine.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('failed to stop cleanly', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('embedded database failed to start', err);
  process.exit(1);
});
