// findAndModify: one document, picked by query + sort, removed or updated (optionally upserted) and
// returned before or after the change. Unlike `update`, failures (E11000 included) are top-level errors.
import type { Document } from 'bson';
import { EngineError, ErrorCode, notSupported } from '../errors.js';
import { compileFilter } from '../query/filter.js';
import { projectDocuments } from '../query/projection.js';
import { parseSort, sortDocuments } from '../query/sort.js';
import { CompiledUpdate } from '../query/update.js';
import {
  collectionArg,
  optionalBool,
  optionalDocument,
  rejectCollation,
  type CommandHandler,
} from './context.js';
import { collectionForWrite } from './write.js';
import { WriteBatch } from './write-batch.js';

export const findAndModify: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string);
  const query = optionalDocument(cmd, 'query') ?? {};
  const sort = parseSort(optionalDocument(cmd, 'sort'));
  const fields = optionalDocument(cmd, 'fields');
  const remove = optionalBool(cmd, 'remove', false);
  const returnNew = optionalBool(cmd, 'new', false);
  const upsert = optionalBool(cmd, 'upsert', false);
  rejectCollation(cmd);
  if (cmd.let !== undefined) throw notSupported("findAndModify 'let' variables");
  if (remove && (cmd.update !== undefined || upsert || returnNew)) {
    throw new EngineError(
      ErrorCode.FailedToParse,
      'Cannot specify both an update and remove=true (or upsert/new with remove)',
    );
  }
  if (!remove && cmd.update === undefined) {
    throw new EngineError(ErrorCode.FailedToParse, 'Either an update or remove=true must be specified');
  }
  ctx.engine.journal.assertWritable();
  const batch = new WriteBatch();
  const coll = ctx.engine.catalog.get(ctx.db, name);
  const candidates = sortDocuments(compileFilter(query).select(coll), sort);
  const target = candidates[0];
  const project = (doc: Document | undefined): Document | null =>
    doc === undefined
      ? null
      : fields && Object.keys(fields).length > 0
        ? (projectDocuments([doc], fields)[0] ?? null)
        : doc;

  if (remove) {
    if (target && coll) {
      coll.delete(target._id);
      batch.delete(ctx.db, name, target._id);
    }
    await ctx.engine.journal.append(batch.records);
    return { lastErrorObject: { n: target ? 1 : 0 }, value: project(target), ok: 1 };
  }

  const update = new CompiledUpdate(cmd.update, query, cmd.arrayFilters);
  if (!target) {
    if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const doc = update.upsertDocument(query);
    collectionForWrite(ctx, name, batch).insert(doc);
    batch.insert(ctx.db, name, doc);
    await ctx.engine.journal.append(batch.records);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: returnNew ? project(doc) : null,
      ok: 1,
    };
  }
  const [result] = update.apply([target]);
  if (result && result.modified && coll) {
    coll.replace(result.doc);
    batch.update(ctx.db, name, result.doc);
  }
  await ctx.engine.journal.append(batch.records);
  return {
    lastErrorObject: { n: 1, updatedExisting: true },
    value: project(returnNew ? (result?.doc ?? target) : target),
    ok: 1,
  };
};
