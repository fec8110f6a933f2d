// find / getMore / killCursors / count / distinct.
import type { Document } from 'bson';
import { Long } from 'bson';
import { pathValues, valueKey } from '../catalog/index-key.js';
import { DEFAULT_FIRST_BATCH, takeBatch } from '../cursors.js';
import { EngineError, ErrorCode, notSupported } from '../errors.js';
import { compileFilter } from '../query/filter.js';
import { compileProjection } from '../query/projection.js';
import { parseSort, sortDocuments } from '../query/sort.js';
import {
  collectionArg,
  cursorIdArg,
  optionalBool,
  optionalDocument,
  optionalInt,
  rejectCollation,
  requireArray,
  type CommandContext,
  type CommandHandler,
} from './context.js';

const UNSUPPORTED_FIND_OPTIONS = [
  'tailable',
  'awaitData',
  'returnKey',
  'showRecordId',
  'min',
  'max',
  'oplogReplay',
];

/** Builds the `{cursor: {firstBatch, id, ns}}` reply, keeping a server cursor if documents remain. */
export function cursorReply(
  ctx: CommandContext,
  ns: string,
  docs: Document[],
  batchSize: number | undefined,
  singleBatch: boolean,
  transform?: (docs: Document[]) => Document[],
): Document {
  const first = batchSize ?? DEFAULT_FIRST_BATCH;
  const raw = takeBatch(docs, 0, first);
  const batch = transform ? transform(raw) : raw;
  let id = Long.ZERO;
  // A server cursor only when documents remain (most finds fit into the first batch).
  if (raw.length < docs.length && !singleBatch) {
    id = ctx.engine.cursors.open(ns, docs, raw.length, transform).id;
  }
  return { cursor: { firstBatch: batch, id, ns }, ok: 1 };
}

function checkBatchSize(n: number | undefined): number | undefined {
  if (n !== undefined && n < 0)
    throw new EngineError(ErrorCode.BadValue, "BSON field 'batchSize' value must be >= 0");
  return n;
}

export const find: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, 'find');
  for (const opt of UNSUPPORTED_FIND_OPTIONS) {
    if (cmd[opt] !== undefined && cmd[opt] !== false) throw notSupported(`find option '${opt}'`);
  }
  rejectCollation(cmd);
  const filter = compileFilter(optionalDocument(cmd, 'filter'));
  const sort = parseSort(optionalDocument(cmd, 'sort'));
  const projection = compileProjection(optionalDocument(cmd, 'projection'));
  const skip = optionalInt(cmd, 'skip') ?? 0;
  let limit = optionalInt(cmd, 'limit') ?? 0;
  let singleBatch = optionalBool(cmd, 'singleBatch', false);
  if (skip < 0) throw new EngineError(ErrorCode.BadValue, "BSON field 'skip' value must be >= 0");
  if (limit < 0) {
    limit = -limit;
    singleBatch = true;
  }
  let batchSize = checkBatchSize(optionalInt(cmd, 'batchSize'));
  let docs = sortDocuments(filter.select(ctx.engine.catalog.get(ctx.db, name)), sort);
  if (skip > 0 || limit > 0) docs = docs.slice(skip, limit > 0 ? skip + limit : undefined);
  if (limit > 0 && (batchSize === undefined || batchSize > limit)) batchSize = limit;
  return cursorReply(ctx, `${ctx.db}.${name}`, docs, batchSize, singleBatch, projection);
};

export const getMore: CommandHandler = (cmd, ctx) => {
  const id = cursorIdArg(cmd.getMore, 'getMore');
  const name = collectionArg(cmd, 'collection');
  const batchSize = checkBatchSize(optionalInt(cmd, 'batchSize')) ?? 0;
  const cursor = ctx.engine.cursors.get(id);
  const ns = `${ctx.db}.${name}`;
  if (!cursor) throw new EngineError(ErrorCode.CursorNotFound, `cursor id ${id.toString()} not found`);
  if (cursor.ns !== ns) {
    throw new EngineError(
      ErrorCode.Unauthorized,
      `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`,
    );
  }
  const { batch, open } = ctx.engine.cursors.nextBatch(cursor, batchSize);
  return { cursor: { nextBatch: batch, id: open ? cursor.id : Long.ZERO, ns }, ok: 1 };
};

export const killCursors: CommandHandler = (cmd, ctx) => {
  collectionArg(cmd, 'killCursors');
  const killed: Long[] = [];
  const notFound: Long[] = [];
  for (const raw of requireArray(cmd, 'cursors')) {
    const id = cursorIdArg(raw, 'cursors');
    (ctx.engine.cursors.kill(id) ? killed : notFound).push(id);
  }
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

export const count: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, 'count');
  rejectCollation(cmd);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  const query = optionalDocument(cmd, 'query');
  const skip = optionalInt(cmd, 'skip') ?? 0;
  const limit = Math.abs(optionalInt(cmd, 'limit') ?? 0);
  const total =
    !query || Object.keys(query).length === 0
      ? (coll?.docs.size ?? 0)
      : compileFilter(query).select(coll).length;
  let n = Math.max(0, total - skip);
  if (limit > 0) n = Math.min(n, limit);
  return { n, ok: 1 };
};

export const distinct: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, 'distinct');
  rejectCollation(cmd);
  const key: unknown = cmd.key;
  if (typeof key !== 'string' || key.length === 0)
    throw new EngineError(ErrorCode.TypeMismatch, "'key' must be a non-empty string");
  const query = optionalDocument(cmd, 'query');
  const seen = new Set<string>();
  const values: unknown[] = [];
  for (const doc of compileFilter(query).select(ctx.engine.catalog.get(ctx.db, name))) {
    for (const v of pathValues(doc, key)) {
      if (v === undefined) continue;
      const k = valueKey(v);
      if (seen.has(k)) continue;
      seen.add(k);
      values.push(v);
    }
  }
  return { values, ok: 1 };
};
