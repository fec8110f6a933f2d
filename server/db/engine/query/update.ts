// Update statements: replacement documents, operator updates (the common ones directly, see
// update-fast-path.ts; the rest through mingo's updater, invoked once per statement over all matched
// documents) and pipeline updates, plus upsert document construction.
// Documents are cloned before mingo mutates them; the caller stores the results as new objects.
import { Decimal128, Double, Long, type Document } from 'bson';
import { updateMany } from 'mingo/updater';
import type { AnyObject } from 'mingo/types';
import {
  bsonTypeName,
  cloneDoc,
  cloneValue,
  compareValues,
  identical,
  isPlainObject,
  numericValue,
  valuesEqual,
} from '../bson-values.js';
import { withIdFirst } from '../catalog/collection.js';
import { EngineError, ErrorCode, badValue, notSupported } from '../errors.js';
import { updaterOptions } from './mingo-context.js';
import { getPath, setPath } from './paths.js';
import { applyFastUpdate } from './update-fast-path.js';
import { mingoArguments, numericUpdateResult } from './numeric-update.js';
import { orderCreatedFields, pathTrie, snapshotFields, type FieldSnapshot } from './update-order.js';
import { assertUpdatable, findRejection } from './update-targets.js';

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$bit',
  '$currentDate',
  '$setOnInsert',
]);
const PIPELINE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);
const NUMERIC_OPERATORS = ['$inc', '$mul', '$min', '$max'] as const;

type Kind = 'replace' | 'operators' | 'pipeline';

export type UpdateResult = { doc: Document; modified: boolean };

function immutableId(): EngineError {
  return new EngineError(
    ErrorCode.ImmutableField,
    "Performing an update on the path '_id' would modify the immutable field '_id'",
  );
}

function alteredId(id: unknown): EngineError {
  return new EngineError(
    ErrorCode.ImmutableField,
    `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(id)}`,
  );
}

function usesPositional(modifier: Document): boolean {
  return Object.values(modifier).some(
    (fields) => isPlainObject(fields) && Object.keys(fields).some((p) => /(^|\.)\$(\.|$)/.test(p)),
  );
}

export class CompiledUpdate {
  readonly kind: Kind;
  private readonly replacement: Document | undefined;
  private readonly modifier: Document | undefined;
  private readonly pipeline: Document[] | undefined;
  private readonly condition: Document;
  private readonly arrayFilters: Document[] | undefined;

  constructor(update: unknown, filter: Document, arrayFilters: unknown) {
    if (arrayFilters !== undefined && !Array.isArray(arrayFilters))
      throw badValue('arrayFilters must be an array');
    this.arrayFilters = arrayFilters as Document[] | undefined;
    if (Array.isArray(update)) {
      for (const stage of update) {
        const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
        if (!name || !PIPELINE_STAGES.has(name) || Object.keys(stage as Document).length !== 1) {
          throw new EngineError(
            ErrorCode.InvalidOptions,
            `${String(name)} is not allowed to be used within an update (allowed: ${[...PIPELINE_STAGES].join(', ')})`,
          );
        }
      }
      this.kind = 'pipeline';
      this.pipeline = update as Document[];
      this.condition = {};
      return;
    }
    if (!isPlainObject(update))
      throw new EngineError(ErrorCode.FailedToParse, 'update must be an object or an array');
    const keys = Object.keys(update);
    if (keys.length > 0 && keys[0]?.startsWith('$')) {
      for (const op of keys) {
        if (!UPDATE_OPERATORS.has(op)) {
          throw new EngineError(
            ErrorCode.FailedToParse,
            `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`,
          );
        }
        if (!isPlainObject(update[op])) {
          throw new EngineError(
            ErrorCode.FailedToParse,
            `Modifiers operate on fields but we found type ${bsonTypeName(update[op])} instead. For example: {$mod: {<field>: ...}} not {${op}: ${String(update[op])}}`,
          );
        }
      }
      for (const op of NUMERIC_OPERATORS) {
        const fields = update[op] as Document | undefined;
        if (!fields) continue;
        for (const [path, arg] of Object.entries(fields)) {
          if ((op === '$inc' || op === '$mul') && numericValue(arg) === undefined) {
            throw new EngineError(
              ErrorCode.TypeMismatch,
              `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${String(arg)}}`,
            );
          }
          if (arg instanceof Decimal128) throw notSupported(`${op} with a Decimal128 argument`);
        }
      }
      this.kind = 'operators';
      this.modifier = update;
      this.condition = usesPositional(update) ? filter : {};
      return;
    }
    for (const k of keys) {
      if (k.startsWith('$')) {
        throw new EngineError(
          ErrorCode.BadValue,
          `The dollar ($) prefixed field '${k}' in '${k}' is not allowed in the context of an update's replacement document.`,
        );
      }
    }
    this.kind = 'replace';
    this.replacement = update;
    this.condition = {};
  }

  /**
   * Applies the update to matched documents (not mutated); results are new objects, same order.
   * Throws when MongoDB would refuse any of them (see update-targets.ts).
   */
  apply(matched: Document[]): UpdateResult[] {
    const { results, rejection } = this.applyUntilRejected(matched);
    if (rejection) throw rejection;
    return results;
  }

  /**
   * As MongoDB applies a multi-document update: document by document, stopping at the first one it
   * refuses. The documents before it are updated (`results`), the refused one and those after are not.
   */
  applyUntilRejected(matched: Document[]): { results: UpdateResult[]; rejection?: EngineError } {
    if (this.kind !== 'operators') return { results: this.applyAll(matched) };
    const modifier = this.stripIdUpdates(this.modifier as Document, matched);
    const rejected = findRejection(matched, modifier);
    if (!rejected) return { results: this.applyAll(matched, modifier) };
    const results = this.applyAll(matched.slice(0, rejected.index), modifier);
    return { results, rejection: rejected.error };
  }

  private applyAll(matched: Document[], modifier?: Document): UpdateResult[] {
    if (this.kind === 'replace') {
      const replacement = this.replacement as Document;
      return matched.map((old) => {
        if (replacement._id !== undefined && !valuesEqual(replacement._id, old._id))
          throw alteredId(replacement._id);
        const doc: Document = { _id: old._id };
        for (const [k, v] of Object.entries(replacement)) if (k !== '_id') doc[k] = cloneValue(v);
        return { doc, modified: !identical(old, doc) };
      });
    }
    const work = matched.map(cloneDoc);
    if (this.kind === 'pipeline') {
      this.runPipeline(work);
    } else {
      if (modifier) this.runOperators(work, modifier, true);
      else this.runOperators(work, this.stripIdUpdates(this.modifier as Document, matched));
    }
    return work.map((doc, i) => {
      const old = matched[i] as Document;
      if (!valuesEqual(doc._id, old._id)) throw alteredId(doc._id);
      return { doc, modified: !identical(old, doc) };
    });
  }

  /** The document an upsert inserts: equality fields of the filter, then the update. */
  upsertDocument(filter: Document): Document {
    const base: Document = {};
    seedFromFilter(filter, base);
    if (this.kind === 'replace') {
      const doc: Document = { ...cloneValue(this.replacement as Document) };
      if (doc._id === undefined && base._id !== undefined) doc._id = base._id;
      return withIdFirst(doc);
    }
    if (this.kind === 'pipeline') {
      const work = [withIdFirst(base)];
      this.runPipeline(work);
      return withIdFirst(work[0] as Document);
    }
    const modifier = { ...(this.modifier as Document) };
    const onInsert = modifier.$setOnInsert as Document | undefined;
    delete modifier.$setOnInsert;
    if (onInsert) modifier.$set = { ...(modifier.$set as Document | undefined), ...onInsert };
    for (const op of ['$set']) {
      const fields = modifier[op] as Document | undefined;
      if (fields && '_id' in fields) {
        if (base._id !== undefined && !valuesEqual(base._id, fields._id)) throw immutableId();
        base._id = fields._id;
        const rest = { ...fields };
        delete rest._id;
        modifier[op] = rest;
      }
    }
    const work = [withIdFirst(base)];
    this.runOperators(work, modifier);
    return work[0] as Document;
  }

  /** `$set: {_id: sameValue}` is a legal no-op in MongoDB but mingo rejects any `_id` path. */
  private stripIdUpdates(modifier: Document, matched: Document[]): Document {
    let result = modifier;
    if (result.$setOnInsert) {
      result = { ...result };
      delete result.$setOnInsert;
    }
    const set = result.$set as Document | undefined;
    if (set && '_id' in set) {
      if (!matched.every((d) => valuesEqual(d._id, set._id))) throw immutableId();
      const rest = { ...set };
      delete rest._id;
      result = { ...result, $set: rest };
    }
    return result;
  }

  /** `checked`: findRejection already passed every document of `work`. */
  private runOperators(work: Document[], modifier: Document, checked = false): void {
    if (Object.keys(modifier).length === 0 || work.length === 0) return;
    if (applyFastUpdate(work, modifier, this.arrayFilters, checked)) return;
    applyOperatorsWithMingo(work, modifier, this.condition, this.arrayFilters);
  }

  private runPipeline(work: Document[]): void {
    if (work.length === 0) return;
    updateMany(work as AnyObject[], {}, this.pipeline as never, {}, updaterOptions);
  }
}

/**
 * The general path for operator updates: mingo's updater, once over all documents (in place). What
 * $set/$inc/$mul/$min/$max store on plain paths is computed here as MongoDB does (numeric-update.ts;
 * $set always stores its value, also over an equal one of another type or field order) and written
 * over what mingo stored. Exported so tests can hold the fast path (update-fast-path.ts) against it.
 */
export function applyOperatorsWithMingo(
  work: Document[],
  modifier: Document,
  condition: Document,
  arrayFilters: Document[] | undefined,
): void {
  assertUpdatable(work, modifier);
  const trie = pathTrie(modifier);
  const before = work.map((doc) => snapshotFields(doc, trie));
  const results = work.map((doc) => storedResults(doc, modifier));
  const forMingo = mingoArguments(modifier, NUMERIC_OPERATORS);
  updateMany(work as AnyObject[], condition, forMingo, { arrayFilters, cloneMode: 'copy' }, updaterOptions);
  work.forEach((doc, i) => {
    for (const { path, value } of results[i] ?? []) setPath(doc, path, value);
    orderCreatedFields(doc, before[i] as FieldSnapshot);
  });
}

type StoredResult = { path: string; value: unknown };

/**
 * What $set/$inc/$mul/$min/$max store on each plain path of `doc`. A Double/Long current value is
 * replaced by a JS number for mingo, whose arithmetic skips them; its result is overwritten anyway.
 */
function storedResults(doc: Document, modifier: Document): StoredResult[] {
  const results: StoredResult[] = [];
  const set = modifier.$set as Document | undefined;
  if (set) {
    for (const [path, value] of Object.entries(set))
      if (!path.includes('$')) results.push({ path, value: cloneValue(value) });
  }
  const addToSet = modifier.$addToSet as Document | undefined;
  if (addToSet) {
    for (const [path, arg] of Object.entries(addToSet))
      if (!path.includes('$')) results.push({ path, value: addToSetResult(getPath(doc, path), arg) });
  }
  for (const op of NUMERIC_OPERATORS) {
    const fields = modifier[op] as Document | undefined;
    if (!fields) continue;
    for (const [path, arg] of Object.entries(fields)) {
      if (path.includes('$')) continue;
      const current = getPath(doc, path);
      results.push({ path, value: numericUpdateResult(op, current, arg) });
      if (current instanceof Double || current instanceof Long) setPath(doc, path, numericValue(current));
    }
  }
  return results;
}

/** $addToSet: the elements not yet present (by BSON comparison, so 5 matches Long(5)) are appended. */
function addToSetResult(current: unknown, arg: unknown): unknown[] {
  const items = isPlainObject(arg) && Array.isArray(arg.$each) ? (arg.$each as unknown[]) : [arg];
  const result = Array.isArray(current) ? current.slice() : [];
  for (const item of items) {
    if (!result.some((e) => compareValues(e, item) === 0)) result.push(cloneValue(item));
  }
  return result;
}

/** Copies `field: value` and `field: {$eq: value}` conditions (and those inside `$and`) into `out`. */
function seedFromFilter(filter: Document, out: Document): void {
  for (const [field, cond] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) seedFromFilter(sub, out);
      continue;
    }
    if (field.startsWith('$')) continue;
    if (isPlainObject(cond)) {
      const keys = Object.keys(cond);
      if (keys.length > 0 && keys[0]?.startsWith('$')) {
        if (keys.length === 1 && '$eq' in cond) setPath(out, field, cloneValue(cond.$eq));
        continue;
      }
    }
    if (cond instanceof RegExp) continue;
    setPath(out, field, cloneValue(cond));
  }
}
