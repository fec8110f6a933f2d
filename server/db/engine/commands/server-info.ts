// Handshake and diagnostic commands. The hello reply describes a standalone MongoDB 7.0 server: wire
// version 21, sessions (logicalSessionTimeoutMinutes) so the driver sends lsid, no topologyVersion so
// the driver polls instead of sending awaitable hellos.
import { hostname, cpus, totalmem, type as osType } from 'node:os';
import type { Document } from 'bson';
import { Long } from 'bson';
import type { CommandHandler } from './context.js';

export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE_BYTES = 48_000_000;
export const MAX_WRITE_BATCH_SIZE = 100_000;
export const SERVER_VERSION = '7.0.0';

function helloReply(legacy: boolean, connectionId: number): Document {
  return {
    helloOk: true,
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
    maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

export const hello: CommandHandler = (_cmd, ctx) => helloReply(false, ctx.conn.id);
export const isMaster: CommandHandler = (_cmd, ctx) => helloReply(true, ctx.conn.id);

export const ping: CommandHandler = () => ({ ok: 1 });

export const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'embedded',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ['embedded'],
  javascriptEngine: 'none',
  modules: [],
  ok: 1,
});

export const serverStatus: CommandHandler = (_cmd, ctx) => {
  const uptimeMillis = Date.now() - ctx.engine.startedAt;
  return {
    host: `${hostname()}:${ctx.engine.address.port}`,
    version: SERVER_VERSION,
    process: 'mongod',
    pid: Long.fromNumber(process.pid),
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis: Long.fromNumber(uptimeMillis),
    localTime: new Date(),
    connections: {
      current: ctx.engine.connections.current,
      available: 10_000 - ctx.engine.connections.current,
      totalCreated: ctx.engine.connections.totalCreated,
    },
    storageEngine: { name: 'embedded', persistent: true },
    metrics: { cursor: { open: { total: ctx.engine.cursors.size } } },
    ok: 1,
  };
};

export const getParameter: CommandHandler = (cmd) => {
  const reply: Document = { ok: 1 };
  if (cmd.featureCompatibilityVersion !== undefined || cmd.getParameter === '*') {
    reply.featureCompatibilityVersion = { version: '7.0' };
  }
  return reply;
};

export const getCmdLineOpts: CommandHandler = () => ({ argv: ['embedded'], parsed: {}, ok: 1 });

export const connectionStatus: CommandHandler = () => ({
  authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] },
  ok: 1,
});

export const hostInfo: CommandHandler = () => ({
  system: {
    currentTime: new Date(),
    hostname: hostname(),
    cpuAddrSize: 64,
    memSizeMB: Math.round(totalmem() / 1048576),
    numCores: cpus().length,
  },
  os: { type: osType() },
  extra: {},
  ok: 1,
});

export const whatsmyuri: CommandHandler = (_cmd, ctx) => ({ you: ctx.conn.remote, ok: 1 });

/** Sessions are accepted and tracked by the driver only; there is no server-side session state. */
export const endSessions: CommandHandler = () => ({ ok: 1 });
