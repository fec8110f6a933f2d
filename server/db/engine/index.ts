// Public surface of the embedded engine. Implemented by the engine work; the app imports only this file.
import { createServer, type Server, type Socket } from 'node:net';
import { normalizeValue } from './bson-values.js';
import { Catalog } from './catalog/catalog.js';
import type { EngineState } from './commands/context.js';
import { CursorManager } from './cursors.js';
import { Journal } from './journal.js';
import type { DurableStore, OpenDurableStore } from './storage/durable-store.js';
import { openDurableStore } from './storage/open-durable-store.js';
import { TtlMonitor } from './ttl.js';
import { Connection } from './wire/connection.js';
import type { Document } from 'bson';

export { DataDirLockedError } from './storage/durable-store.js';

export type EngineLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type EmbeddedEngineOptions = {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  logger?: EngineLogger;
  /** Compact the journal into a snapshot once it exceeds this many bytes (default 64 MiB). */
  compactAfterBytes?: number;
  /** Cursors not used for this long are closed (default 10 minutes). */
  cursorIdleMs?: number;
  /** How often expired TTL documents are deleted (default 60 s, like mongod). */
  ttlMonitorMs?: number;
  /** Test seam: another implementation of the storage contract. */
  openStore?: OpenDurableStore;
};

export type EmbeddedEngine = {
  /** mongodb://host:port — what the driver connects to. */
  readonly uri: string;
  readonly port: number;
  /** Stops accepting connections, flushes the journal and releases the data directory. */
  close(): Promise<void>;
};

const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;
const DEFAULT_CURSOR_IDLE_MS = 10 * 60 * 1000;
const DEFAULT_TTL_MONITOR_MS = 60 * 1000;

const quietLogger: EngineLogger = {
  info: () => undefined,
  warn: (obj, msg) => console.warn(msg ?? 'engine warning', obj),
  error: (obj, msg) => console.error(msg ?? 'engine error', obj),
};

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  const logger = options.logger ?? quietLogger;
  const host = options.host ?? '127.0.0.1';
  const compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
  const catalog = new Catalog();
  // Replayed records come back with exact BSON types; normalise them like documents off the wire.
  const replay = (record: Document): void => catalog.apply(normalizeValue(record) as Document);
  const store: DurableStore = options.openStore
    ? await options.openStore({ dataDir: options.dataDir, compactAfterBytes }, replay)
    : await openDurableStore({ dataDir: options.dataDir, compactAfterBytes, logger }, replay);
  const journal = new Journal(store, () => catalog.snapshot(), compactAfterBytes, logger);
  const cursors = new CursorManager(options.cursorIdleMs ?? DEFAULT_CURSOR_IDLE_MS);
  const connections = new Set<Connection>();
  const state: EngineState = {
    catalog,
    cursors,
    journal,
    logger,
    startedAt: Date.now(),
    connections: { current: 0, totalCreated: 0 },
    address: { host, port: options.port },
  };
  let nextConnectionId = 1;
  const server = createServer((socket: Socket) => {
    state.connections.current++;
    state.connections.totalCreated++;
    const conn = new Connection(socket, state, {
      id: nextConnectionId++,
      remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`,
    });
    connections.add(conn);
    socket.once('close', () => {
      state.connections.current--;
      connections.delete(conn);
    });
  });
  server.on('error', (err) => logger.error({ err }, 'embedded engine listener error'));

  let port: number;
  try {
    port = await listen(server, options.port, host);
  } catch (err) {
    cursors.close();
    await store.close();
    throw err;
  }
  state.address.port = port;
  const uri = `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`;
  await store.updateLockInfo({ pid: process.pid, uri, startedAt: new Date().toISOString() });
  const ttl = new TtlMonitor(catalog, journal, logger, options.ttlMonitorMs ?? DEFAULT_TTL_MONITOR_MS);
  logger.info({ uri, dataDir: options.dataDir }, 'embedded engine listening');

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // In-flight commands finish (their writes get journaled and acknowledged) before sockets go.
      void Promise.all([...connections].map((c) => c.drained())).then(() => {
        for (const c of connections) c.destroy();
      });
    });
    await ttl.stop();
    cursors.close();
    await journal.close();
    logger.info({ uri }, 'embedded engine stopped');
  };

  return {
    uri,
    port,
    close: () => (closing ??= close()),
  };
}
