// aggregate: leading $match stages use the collection's indexes; the rest of the pipeline runs in mingo
// with the engine's operator context. Stored documents are immutable, so they are cloned first unless
// every stage is known not to modify its input documents.
import type { Document } from 'bson';
import { OpType } from 'mingo/core';
import { Aggregator } from 'mingo/aggregator';
import { cloneDoc, isPlainObject } from '../bson-values.js';
import { EngineError, ErrorCode, notSupported } from '../errors.js';
import { compileFilter } from '../query/filter.js';
import { aggregateOptions, engineContext } from '../query/mingo-context.js';
import {
  collectionArg,
  optionalDocument,
  optionalInt,
  rejectCollation,
  type CommandHandler,
} from './context.js';
import { cursorReply } from './read.js';

/** Stages that never mutate the documents flowing through them (they may drop or reorder them). */
const READ_ONLY_STAGES = new Set(['$match', '$sort', '$skip', '$limit', '$count', '$group']);

function stageName(stage: unknown): string {
  if (!isPlainObject(stage))
    throw new EngineError(ErrorCode.TypeMismatch, 'Each element of the pipeline array must be an object');
  const keys = Object.keys(stage);
  if (keys.length !== 1) {
    throw new EngineError(
      ErrorCode.FailedToParse,
      'A pipeline stage specification object must contain exactly one field.',
    );
  }
  const name = keys[0] as string;
  if (!engineContext.getOperator(OpType.PIPELINE, name)) {
    throw new EngineError(ErrorCode.UnrecognizedPipelineStage, `Unrecognized pipeline stage name: '${name}'`);
  }
  return name;
}

export const aggregate: CommandHandler = (cmd, ctx) => {
  if (typeof cmd.aggregate !== 'string') throw notSupported('collection-less aggregate ({aggregate: 1})');
  const name = collectionArg(cmd, 'aggregate');
  const pipeline: unknown = cmd.pipeline;
  if (!Array.isArray(pipeline)) throw new EngineError(ErrorCode.TypeMismatch, "'pipeline' must be an array");
  if (cmd.explain) throw notSupported('aggregate explain');
  if (cmd.let !== undefined) throw notSupported("aggregate 'let' variables");
  rejectCollation(cmd);
  const cursorOpts = optionalDocument(cmd, 'cursor');
  if (!cursorOpts)
    throw new EngineError(
      ErrorCode.FailedToParse,
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  const batchSize = optionalInt(cursorOpts, 'batchSize');
  const names = pipeline.map(stageName);

  const catalog = ctx.engine.catalog;
  const coll = catalog.get(ctx.db, name);
  let start = 0;
  let docs: Document[];
  // Leading $match stages are index-aware selections; mingo only sees the survivors.
  if (names[0] === '$match') {
    docs = compileFilter((pipeline[0] as Document).$match).select(coll);
    start = 1;
  } else {
    docs = coll ? [...coll.docs.values()] : [];
  }
  const rest = pipeline.slice(start) as Document[];
  if (rest.length > 0) {
    const mutating = names.slice(start).some((n) => !READ_ONLY_STAGES.has(n));
    if (mutating) docs = docs.map(cloneDoc);
    const options = aggregateOptions((other) => {
      const c = catalog.get(ctx.db, other);
      const all = c ? [...c.docs.values()] : [];
      return mutating ? all.map(cloneDoc) : all;
    });
    docs = new Aggregator(rest, options).run(docs);
  }
  return cursorReply(ctx, `${ctx.db}.${name}`, docs, batchSize, false);
};
