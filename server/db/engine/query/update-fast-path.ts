// A direct implementation of the commonest operator updates — $set, $unset, $inc, $currentDate and a
// plain $push on top-level or dotted paths through embedded documents — because mingo's updater copies
// its whole operator context on every call (~0.5 ms per statement). It reproduces exactly what the mingo
// path (with update.ts's numeric pre/post-processing) does; anything it does not cover — positional
// paths, arrayFilters, paths through arrays, conflicting paths, odd targets or arguments — is declined
// before any document is touched, and the caller falls back to mingo. What MongoDB refuses (a path
// through null or a scalar, $inc on a non-number, $push on a non-array) throws the same error as the
// mingo path (update-targets.ts), again before any document is touched.
import { Double, Long, type Document } from 'bson';
import { isObject } from 'mingo/util';
import { identical } from '../bson-values.js';
import { arithmeticResult } from './numeric-update.js';
import { comparePaths } from './update-order.js';
import { assertUpdatable } from './update-targets.js';

type FastOp = '$set' | '$unset' | '$inc' | '$currentDate' | '$push';

const FAST_OPERATORS: ReadonlySet<string> = new Set<FastOp>([
  '$set',
  '$unset',
  '$inc',
  '$currentDate',
  '$push',
]);
const PUSH_MODIFIERS = ['$each', '$slice', '$sort', '$position'];

interface Step {
  op: FastOp;
  segments: string[];
  value: unknown;
}

/** Keys every plain object inherits ("constructor", "toString", …): mingo reads them through the prototype. */
function inherited(segment: string): boolean {
  return segment in Object.prototype;
}

function validPath(path: string): string[] | undefined {
  if (path.includes('$')) return undefined;
  const segments = path.split('.');
  for (const segment of segments) {
    if (segment === '' || segment === '__proto__' || inherited(segment)) return undefined;
  }
  if (segments[0] === '_id') return undefined;
  return segments;
}

function validArgument(op: FastOp, value: unknown): boolean {
  switch (op) {
    case '$inc':
      return typeof value === 'number' && !Number.isNaN(value);
    case '$currentDate':
      return (
        value === true ||
        (isObject(value) && Object.keys(value as object).length === 1 && (value as Document).$type === 'date')
      );
    case '$push':
      return !(
        isObject(value) && PUSH_MODIFIERS.some((modifier) => Object.hasOwn(value as object, modifier))
      );
    case '$set':
    case '$unset':
      return true;
  }
}

/** The statement as independent steps, or undefined when it is not a fast-path statement. */
function plan(modifier: Document): Step[] | undefined {
  const steps: Step[] = [];
  const paths: string[] = [];
  for (const op of Object.keys(modifier)) {
    if (!FAST_OPERATORS.has(op)) return undefined;
    const fields = modifier[op] as Document;
    for (const path of Object.keys(fields)) {
      const segments = validPath(path);
      if (segments === undefined || !validArgument(op as FastOp, fields[path])) return undefined;
      steps.push({ op: op as FastOp, segments, value: fields[path] });
      paths.push(path);
    }
  }
  // Two paths where one is (or lies inside) the other conflict; mingo reports that, so leave it to mingo.
  paths.sort();
  for (let i = 1; i < paths.length; i += 1) {
    const previous = paths[i - 1] as string;
    const current = paths[i] as string;
    if (current === previous || current.startsWith(`${previous}.`)) return undefined;
  }
  // MongoDB applies the paths in field-name order: fields it creates are appended in that order.
  steps.sort((a, b) => comparePaths(a.segments, b.segments));
  return steps;
}

function isDocumentLike(value: unknown): value is Document {
  return isObject(value);
}

/** Whether `step` can be applied to `doc` by this module exactly as mingo would; no mutation. */
function supported(doc: Document, step: Step): boolean {
  let parent: Document = doc;
  const last = step.segments.length - 1;
  for (let i = 0; i < last; i += 1) {
    const child = parent[step.segments[i] as string];
    if (step.op === '$unset') {
      // mingo's walk stops at a missing or falsy intermediate: nothing to unset.
      if (!child) return true;
      if (!isDocumentLike(child)) return false;
    } else {
      // A missing intermediate is created (and everything below it is missing too). null and scalars
      // were refused by assertUpdatable; arrays have their own rules: left to mingo.
      if (child === undefined) return true;
      if (!isDocumentLike(child)) return false;
    }
    parent = child;
  }
  const target = parent[step.segments[last] as string];
  switch (step.op) {
    case '$inc':
      return (
        target === undefined ||
        typeof target === 'number' ||
        target instanceof Double ||
        target instanceof Long
      );
    case '$push':
      return target === undefined || Array.isArray(target);
    case '$set':
    case '$unset':
    case '$currentDate':
      return true;
  }
}

/** mingo's "copy" clone mode: the value itself for scalars, one level copied for containers. */
function copyValue(value: unknown): unknown {
  if (value instanceof Date) return new Date(value);
  if (Array.isArray(value)) return value.slice();
  if (isObject(value)) return Object.assign({}, value);
  if (value instanceof RegExp) return new RegExp(value);
  return value;
}

function applyStep(doc: Document, step: Step, timestamp: number): void {
  let parent: Document = doc;
  const last = step.segments.length - 1;
  for (let i = 0; i < last; i += 1) {
    const segment = step.segments[i] as string;
    let child = parent[segment] as Document | undefined;
    if (step.op === '$unset') {
      if (!child) return;
    } else if (child === undefined) {
      child = {};
      parent[segment] = child;
    }
    parent = child;
  }
  const key = step.segments[last] as string;
  switch (step.op) {
    case '$set':
      // MongoDB's no-op test is on BSON bytes: 5 → Double(5) or a reordered document is a change.
      if (!identical(parent[key], step.value)) parent[key] = copyValue(step.value);
      return;
    case '$unset':
      if (Object.hasOwn(parent, key)) delete parent[key];
      return;
    case '$inc':
      parent[key] = arithmeticResult('$inc', parent[key], step.value);
      return;
    case '$currentDate':
      parent[key] = new Date(timestamp);
      return;
    case '$push': {
      const target = parent[key] as unknown[] | undefined;
      if (target === undefined) parent[key] = [step.value];
      else target.push(step.value);
      return;
    }
  }
}

/**
 * Applies `modifier` to every document of `work` in place and returns true, or returns false without
 * touching any document when the statement (or one of the documents) needs mingo.
 */
export function applyFastUpdate(
  work: Document[],
  modifier: Document,
  arrayFilters: unknown,
  /** The caller already ran assertUpdatable on `work` (CompiledUpdate.apply does, per document). */
  checked = false,
): boolean {
  if (Array.isArray(arrayFilters) ? arrayFilters.length > 0 : arrayFilters !== undefined) return false;
  const steps = plan(modifier);
  if (steps === undefined) return false;
  // MongoDB's refusals (path through a scalar or null, $inc on a non-number, …) come before anything.
  if (!checked) assertUpdatable(work, modifier);
  for (const doc of work) {
    for (const step of steps) if (!supported(doc, step)) return false;
  }
  // One timestamp per statement, as mingo's options.now.
  const timestamp = Date.now();
  for (const doc of work) {
    for (const step of steps) applyStep(doc, step, timestamp);
  }
  return true;
}
