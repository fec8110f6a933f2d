// insert / update / delete. Each statement is applied in memory after its constraints were checked (a
// document either changes completely or not at all); per-statement failures become `writeErrors` of an
// ok:1 reply, as mongod does. The reply is sent only after the command's records are journaled.
import type { Document } from 'bson';
import { isPlainObject } from '../bson-values.js';
import type { Collection } from '../catalog/collection.js';
import { withIdFirst } from '../catalog/collection.js';
import { EngineError, ErrorCode, notSupported, toEngineError } from '../errors.js';
import { compileFilter } from '../query/filter.js';
import { CompiledUpdate } from '../query/update.js';
import {
  collectionArg,
  optionalBool,
  rejectCollation,
  requireArray,
  type CommandContext,
  type CommandHandler,
} from './context.js';
import { WriteBatch } from './write-batch.js';

/** Gets the collection, creating it (and journaling the creation) on first write. */
export function collectionForWrite(ctx: CommandContext, name: string, batch: WriteBatch): Collection {
  const existing = ctx.engine.catalog.get(ctx.db, name);
  if (existing) return existing;
  batch.createCollection(ctx.db, name);
  return ctx.engine.catalog.create(ctx.db, name);
}

async function finish(
  ctx: CommandContext,
  batch: WriteBatch,
  reply: Document,
  writeErrors: Document[],
): Promise<Document> {
  await ctx.engine.journal.append(batch.records);
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}

/** Options that would change results and are not implemented: refuse rather than ignore. */
function rejectUnsupportedWriteOptions(cmd: Document): void {
  rejectCollation(cmd);
  if (cmd.let !== undefined) throw notSupported("'let' variables");
}

export const insert: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, 'insert');
  const docs = requireArray(cmd, 'documents');
  const ordered = optionalBool(cmd, 'ordered', true);
  rejectUnsupportedWriteOptions(cmd);
  ctx.engine.journal.assertWritable();
  const batch = new WriteBatch();
  const coll = collectionForWrite(ctx, name, batch);
  const writeErrors: Document[] = [];
  let n = 0;
  for (let i = 0; i < docs.length; i++) {
    try {
      const raw = docs[i];
      if (!isPlainObject(raw)) throw new EngineError(ErrorCode.TypeMismatch, 'documents must be objects');
      const doc = withIdFirst(raw);
      coll.insert(doc);
      batch.insert(ctx.db, name, doc);
      n++;
    } catch (err) {
      writeErrors.push(toEngineError(err).toWriteError(i));
      if (ordered) break;
    }
  }
  return finish(ctx, batch, { n }, writeErrors);
};

type UpdateOutcome = { n: number; nModified: number; upsertedId?: unknown };

/** One update statement; shared with findAndModify-free paths. Throws on failure. */
function applyUpdateStatement(
  ctx: CommandContext,
  name: string,
  stmt: Document,
  batch: WriteBatch,
): UpdateOutcome {
  const q = stmt.q === undefined ? {} : stmt.q;
  if (!isPlainObject(q)) throw new EngineError(ErrorCode.TypeMismatch, "'q' must be an object");
  rejectCollation(stmt);
  if (stmt.c !== undefined) throw notSupported("update constants ('c')");
  const multi = optionalBool(stmt, 'multi', false);
  const upsert = optionalBool(stmt, 'upsert', false);
  const update = new CompiledUpdate(stmt.u, q, stmt.arrayFilters);
  if (multi && update.kind === 'replace') {
    throw new EngineError(
      ErrorCode.FailedToParse,
      'multi update is not supported for replacement-style update',
    );
  }
  const filter = compileFilter(q);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  let matched = filter.select(coll);
  if (!multi) matched = matched.slice(0, 1);
  if (matched.length === 0) {
    if (!upsert) return { n: 0, nModified: 0 };
    const doc = update.upsertDocument(q);
    const target = coll ?? collectionForWrite(ctx, name, batch);
    target.insert(doc);
    batch.insert(ctx.db, name, doc);
    return { n: 1, nModified: 0, upsertedId: doc._id };
  }
  // MongoDB updates document by document without a transaction: the documents before a refused one
  // stay updated (and are journaled), the refused one and the rest are untouched.
  const { results, rejection } = update.applyUntilRejected(matched);
  let nModified = 0;
  for (const r of results) {
    if (!r.modified) continue;
    (coll as Collection).replace(r.doc);
    batch.update(ctx.db, name, r.doc);
    nModified++;
  }
  if (rejection) throw rejection;
  return { n: matched.length, nModified };
}

export const update: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, 'update');
  const statements = requireArray(cmd, 'updates');
  const ordered = optionalBool(cmd, 'ordered', true);
  rejectUnsupportedWriteOptions(cmd);
  ctx.engine.journal.assertWritable();
  const batch = new WriteBatch();
  const writeErrors: Document[] = [];
  const upserted: Document[] = [];
  let n = 0;
  let nModified = 0;
  for (let i = 0; i < statements.length; i++) {
    try {
      const stmt = statements[i];
      if (!isPlainObject(stmt))
        throw new EngineError(ErrorCode.TypeMismatch, 'update statements must be objects');
      const outcome = applyUpdateStatement(ctx, name, stmt, batch);
      n += outcome.n;
      nModified += outcome.nModified;
      if (outcome.upsertedId !== undefined) upserted.push({ index: i, _id: outcome.upsertedId });
    } catch (err) {
      writeErrors.push(toEngineError(err).toWriteError(i));
      if (ordered) break;
    }
  }
  const reply: Document = { n, nModified };
  if (upserted.length > 0) reply.upserted = upserted;
  return finish(ctx, batch, reply, writeErrors);
};

export const del: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, 'delete');
  const statements = requireArray(cmd, 'deletes');
  const ordered = optionalBool(cmd, 'ordered', true);
  rejectUnsupportedWriteOptions(cmd);
  ctx.engine.journal.assertWritable();
  const batch = new WriteBatch();
  const writeErrors: Document[] = [];
  let n = 0;
  const coll = ctx.engine.catalog.get(ctx.db, name);
  for (let i = 0; i < statements.length; i++) {
    try {
      const stmt = statements[i];
      if (!isPlainObject(stmt))
        throw new EngineError(ErrorCode.TypeMismatch, 'delete statements must be objects');
      rejectCollation(stmt);
      const limit = stmt.limit === undefined ? 0 : Number(stmt.limit);
      if (limit !== 0 && limit !== 1)
        throw new EngineError(ErrorCode.FailedToParse, 'The limit field in delete objects must be 0 or 1');
      const q = stmt.q === undefined ? {} : stmt.q;
      if (!isPlainObject(q)) throw new EngineError(ErrorCode.TypeMismatch, "'q' must be an object");
      let matched = compileFilter(q).select(coll);
      if (limit === 1) matched = matched.slice(0, 1);
      for (const doc of matched) {
        coll?.delete(doc._id);
        batch.delete(ctx.db, name, doc._id);
        n++;
      }
    } catch (err) {
      writeErrors.push(toEngineError(err).toWriteError(i));
      if (ordered) break;
    }
  }
  return finish(ctx, batch, { n }, writeErrors);
};
