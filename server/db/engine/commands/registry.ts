// Command dispatch: maps the first field of a command document to its handler and turns every failure
// into MongoDB's `{ok: 0, errmsg, code, codeName}` reply. Unknown commands fail loudly (59).
import type { Document } from 'bson';
import { validateDbName } from '../catalog/catalog.js';
import { EngineError, ErrorCode, toEngineError } from '../errors.js';
import { aggregate } from './aggregate.js';
import type { CommandContext, CommandHandler, ConnectionInfo, EngineState } from './context.js';
import {
  create,
  createIndexes,
  drop,
  dropDatabase,
  dropIndexes,
  listCollections,
  listDatabases,
  listIndexes,
  renameCollection,
} from './ddl.js';
import { findAndModify } from './find-and-modify.js';
import { count, distinct, find, getMore, killCursors } from './read.js';
import {
  buildInfo,
  connectionStatus,
  endSessions,
  getCmdLineOpts,
  getParameter,
  hello,
  hostInfo,
  isMaster,
  ping,
  serverStatus,
  whatsmyuri,
} from './server-info.js';
import { del, insert, update } from './write.js';

const transactionsUnsupported: CommandHandler = () => {
  throw new EngineError(ErrorCode.IllegalOperation, 'transactions are not supported by the embedded engine');
};

const HANDLERS: Record<string, CommandHandler> = {
  hello,
  isMaster,
  ismaster: isMaster,
  ping,
  buildInfo,
  buildinfo: buildInfo,
  serverStatus,
  getParameter,
  getCmdLineOpts,
  connectionStatus,
  hostInfo,
  whatsmyuri,
  endSessions,
  killSessions: endSessions,
  refreshSessions: endSessions,
  insert,
  update,
  delete: del,
  findAndModify,
  findandmodify: findAndModify,
  find,
  getMore,
  killCursors,
  count,
  distinct,
  aggregate,
  create,
  drop,
  dropDatabase,
  renameCollection,
  listCollections,
  listDatabases,
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  commitTransaction: transactionsUnsupported,
  abortTransaction: transactionsUnsupported,
};

/** Commands that may run before/without a valid database name check being meaningful. */
export function commandName(body: Document): string | undefined {
  return Object.keys(body)[0];
}

export async function runCommand(
  body: Document,
  db: string,
  engine: EngineState,
  conn: ConnectionInfo,
): Promise<Document> {
  const name = commandName(body);
  try {
    if (name === undefined) throw new EngineError(ErrorCode.FailedToParse, 'empty command document');
    const handler = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
    if (!handler) throw new EngineError(ErrorCode.CommandNotFound, `no such command: '${name}'`);
    if (body.startTransaction === true || body.autocommit === false)
      transactionsUnsupported(body, undefined as never);
    const ctx: CommandContext = { engine, db: validateDbName(db), conn };
    return await handler(body, ctx);
  } catch (err) {
    const e = toEngineError(err);
    if (e.code === ErrorCode.InternalError) engine.logger.error({ err, command: name }, 'command failed');
    return e.toReply();
  }
}
