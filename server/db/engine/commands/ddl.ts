// Catalog commands: collections, databases and indexes.
import { Long, type Document } from 'bson';
import { Query } from 'mingo/query';
import { isPlainObject, numericValue } from '../bson-values.js';
import { validateCollName, validateDbName } from '../catalog/catalog.js';
import { normalizeIndexSpec, sameIndexOptions, type IndexSpec } from '../catalog/collection-index.js';
import { ID_INDEX_SPEC } from '../catalog/collection.js';
import { EngineError, ErrorCode, notSupported } from '../errors.js';
import { queryOptions } from '../query/mingo-context.js';
import {
  collectionArg,
  optionalBool,
  optionalDocument,
  requireArray,
  type CommandHandler,
} from './context.js';
import { WriteBatch } from './write-batch.js';

const UNSUPPORTED_CREATE_OPTIONS = [
  'capped',
  'timeseries',
  'clusteredIndex',
  'viewOn',
  'pipeline',
  'validator',
  'changeStreamPreAndPostImages',
  'encryptedFields',
];

export const create: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, 'create');
  for (const opt of UNSUPPORTED_CREATE_OPTIONS) {
    if (cmd[opt] !== undefined && cmd[opt] !== false) throw notSupported(`create option '${opt}'`);
  }
  ctx.engine.journal.assertWritable();
  ctx.engine.catalog.create(ctx.db, name);
  const batch = new WriteBatch();
  batch.createCollection(ctx.db, name);
  await ctx.engine.journal.append(batch.records);
  return { ok: 1 };
};

export const drop: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, 'drop');
  ctx.engine.journal.assertWritable();
  if (!ctx.engine.catalog.drop(ctx.db, name)) {
    throw new EngineError(ErrorCode.NamespaceNotFound, 'ns not found');
  }
  await ctx.engine.journal.append([{ op: 'dc', db: ctx.db, coll: name }]);
  return { ns: `${ctx.db}.${name}`, nIndexesWas: 1, ok: 1 };
};

export const dropDatabase: CommandHandler = async (_cmd, ctx) => {
  ctx.engine.journal.assertWritable();
  ctx.engine.catalog.dropDatabase(ctx.db);
  await ctx.engine.journal.append([{ op: 'dd', db: ctx.db }]);
  return { dropped: ctx.db, ok: 1 };
};

function splitNamespace(v: unknown, field: string): { db: string; coll: string } {
  if (typeof v !== 'string')
    throw new EngineError(ErrorCode.TypeMismatch, `'${field}' must be a namespace string`);
  const dot = v.indexOf('.');
  if (dot <= 0) throw new EngineError(ErrorCode.InvalidNamespace, `Invalid namespace specified '${v}'`);
  return { db: validateDbName(v.slice(0, dot)), coll: validateCollName(v.slice(dot + 1)) };
}

export const renameCollection: CommandHandler = async (cmd, ctx) => {
  if (ctx.db !== 'admin')
    throw new EngineError(
      ErrorCode.Unauthorized,
      'renameCollection may only be run against the admin database.',
    );
  const from = splitNamespace(cmd.renameCollection, 'renameCollection');
  const to = splitNamespace(cmd.to, 'to');
  const dropTarget = optionalBool(cmd, 'dropTarget', false);
  const catalog = ctx.engine.catalog;
  ctx.engine.journal.assertWritable();
  catalog.require(from.db, from.coll);
  if (from.db === to.db && from.coll === to.coll) {
    throw new EngineError(ErrorCode.IllegalOperation, "Can't rename a collection to itself");
  }
  if (catalog.get(to.db, to.coll) && !dropTarget) {
    throw new EngineError(ErrorCode.NamespaceExists, 'target namespace exists');
  }
  catalog.rename(from.db, from.coll, to.db, to.coll);
  await ctx.engine.journal.append([{ op: 'rn', db: from.db, coll: from.coll, toDb: to.db, toColl: to.coll }]);
  return { ok: 1 };
};

export const listCollections: CommandHandler = (cmd, ctx) => {
  const filter = optionalDocument(cmd, 'filter');
  const nameOnly = optionalBool(cmd, 'nameOnly', false);
  const colls = ctx.engine.catalog.databases.get(ctx.db) ?? new Map();
  let infos: Document[] = [...colls.keys()].map((name) =>
    nameOnly
      ? { name, type: 'collection' }
      : { name, type: 'collection', options: {}, info: { readOnly: false }, idIndex: { ...ID_INDEX_SPEC } },
  );
  if (filter && Object.keys(filter).length > 0) {
    const q = new Query(filter, queryOptions);
    infos = infos.filter((i) => q.test(i));
  }
  return { cursor: { id: Long.ZERO, ns: `${ctx.db}.$cmd.listCollections`, firstBatch: infos }, ok: 1 };
};

export const listDatabases: CommandHandler = (cmd, ctx) => {
  const nameOnly = optionalBool(cmd, 'nameOnly', false);
  const databases = [...ctx.engine.catalog.databases.keys()].map((name) =>
    nameOnly ? { name } : { name, sizeOnDisk: 0, empty: false },
  );
  return nameOnly ? { databases, ok: 1 } : { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

export const createIndexes: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, 'createIndexes');
  const rawSpecs = requireArray(cmd, 'indexes');
  if (rawSpecs.length === 0)
    throw new EngineError(ErrorCode.BadValue, 'Must specify at least one index to create');
  const specs = rawSpecs.map(normalizeIndexSpec);
  ctx.engine.journal.assertWritable();
  const catalog = ctx.engine.catalog;
  const batch = new WriteBatch();
  let coll = catalog.get(ctx.db, name);
  const createdCollectionAutomatically = !coll;
  const before = coll ? coll.indexSpecs().length : 1;
  const toCreate: IndexSpec[] = [];
  for (const spec of specs) {
    const existing = coll?.indexSpecs() ?? [ID_INDEX_SPEC];
    const sameName = existing.find((e) => e.name === spec.name);
    const sameKey = existing.find((e) => JSON.stringify(e.key) === JSON.stringify(spec.key));
    if (sameName) {
      if (
        sameIndexOptions(sameName, spec) ||
        (spec.name === '_id_' && JSON.stringify(spec.key) === '{"_id":1}')
      )
        continue;
      throw new EngineError(
        ErrorCode.IndexKeySpecsConflict,
        `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName)}`,
      );
    }
    if (sameKey) {
      throw new EngineError(
        ErrorCode.IndexOptionsConflict,
        `An equivalent index already exists with a different name and options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameKey)}`,
      );
    }
    toCreate.push(spec);
  }
  if (!coll) {
    coll = catalog.create(ctx.db, name);
    batch.createCollection(ctx.db, name);
  }
  try {
    for (const spec of toCreate) {
      coll.addIndex(spec); // throws E11000 over existing duplicates, leaving no index behind
      batch.createIndex(ctx.db, name, spec);
    }
  } finally {
    // Whatever was created before a failure exists in memory and must be journaled too.
    await ctx.engine.journal.append(batch.records);
  }
  const reply: Document = {
    numIndexesBefore: before,
    numIndexesAfter: coll.indexSpecs().length,
    createdCollectionAutomatically,
    ok: 1,
  };
  if (toCreate.length === 0) reply.note = 'all indexes already exist';
  return reply;
};

export const listIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, 'listIndexes');
  const coll = ctx.engine.catalog.require(ctx.db, name);
  return {
    cursor: { id: Long.ZERO, ns: `${ctx.db}.${name}`, firstBatch: coll.indexSpecs().map((s) => ({ ...s })) },
    ok: 1,
  };
};

export const dropIndexes: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, Object.keys(cmd)[0] as string);
  const coll = ctx.engine.catalog.require(ctx.db, name);
  ctx.engine.journal.assertWritable();
  const target: unknown = cmd.index;
  const specs = coll.indexSpecs();
  let names: string[];
  if (target === '*') {
    names = specs.filter((s) => s.name !== '_id_').map((s) => s.name);
  } else if (typeof target === 'string') {
    names = [target];
  } else if (Array.isArray(target) && target.every((t) => typeof t === 'string')) {
    names = target as string[];
  } else if (isPlainObject(target)) {
    const key = JSON.stringify(
      Object.fromEntries(Object.entries(target).map(([k, v]) => [k, (numericValue(v) ?? 0) > 0 ? 1 : -1])),
    );
    const match = specs.find((s) => JSON.stringify(s.key) === key);
    if (!match)
      throw new EngineError(ErrorCode.IndexNotFound, `can't find index with key: ${JSON.stringify(target)}`);
    names = [match.name];
  } else {
    throw new EngineError(
      ErrorCode.TypeMismatch,
      "'index' must be a name, a key pattern, '*' or an array of names",
    );
  }
  for (const n of names) {
    if (n === '_id_') throw new EngineError(ErrorCode.InvalidOptions, 'cannot drop _id index');
    if (!coll.indexes.has(n))
      throw new EngineError(ErrorCode.IndexNotFound, `index not found with name [${n}]`);
  }
  for (const n of names) coll.dropIndex(n);
  await ctx.engine.journal.append(names.map((n) => ({ op: 'dx' as const, db: ctx.db, coll: name, name: n })));
  return { nIndexesWas: specs.length, ok: 1 };
};
