// What MongoDB checks about the EXISTING values an operator update touches, before it changes a
// document: a dotted path may not run through a scalar, null or an array (unless the next part is an
// index), `$inc`/`$mul` need a number, the array operators need an array. mingo (and a naive direct
// implementation) would instead replace the value or silently skip it, so both update paths run this
// check first and refuse the document with MongoDB's code and message.
import { Decimal128, Double, Long, type Document } from 'bson';
import { bsonTypeName, isNumeric, isPlainObject } from '../bson-values.js';
import { EngineError, ErrorCode, notSupported } from '../errors.js';
import { formatElement } from './format-value.js';
import { comparePaths } from './update-order.js';

type Rule =
  | 'create'
  | 'numeric'
  | 'bit'
  | 'push'
  | 'addToSet'
  | 'cull'
  | 'pop'
  | 'renameTo'
  | 'arrayUpdate'
  | 'positionalNumber'
  | 'none';

/** What an operator requires of an existing target, and whether it creates a missing path. */
const RULES: Record<string, Rule> = {
  $set: 'create',
  $setOnInsert: 'create',
  $min: 'create',
  $max: 'create',
  $currentDate: 'create',
  $inc: 'numeric',
  $mul: 'numeric',
  $push: 'push',
  $addToSet: 'addToSet',
  $pull: 'cull',
  $pullAll: 'cull',
  $pop: 'pop',
  $bit: 'bit',
  // The destination; the source is looked up first (a missing source makes $rename a no-op).
  $rename: 'renameTo',
  // $unset tolerates any path.
};

type Target = { op: string; rule: Rule; path: string; segments: string[]; source?: string[] };

/** `a.$[]` / `a.$[e]`: the part before the first array-update placeholder must be an existing array. */
function arrayUpdatePrefix(segments: string[]): string[] | undefined {
  const k = segments.findIndex((part) => part.startsWith('$['));
  if (k <= 0 || segments.slice(0, k).some((part) => part.startsWith('$'))) return undefined;
  return segments.slice(0, k);
}

/** The checkable (non-positional) paths of a modifier, in MongoDB's application order (by field name). */
export function updateTargets(modifier: Document): Target[] {
  const targets: Target[] = [];
  for (const op of Object.keys(modifier)) {
    const rule = RULES[op] ?? 'none';
    if (rule === 'none') continue;
    const fields = modifier[op];
    if (!isPlainObject(fields)) continue;
    for (const [path, arg] of Object.entries(fields)) {
      if (op === '$rename') {
        if (typeof arg === 'string' && !arg.includes('$') && !path.includes('$'))
          targets.push({ op, rule, path: arg, segments: arg.split('.'), source: path.split('.') });
        continue;
      }
      if (path.includes('$')) {
        const segments = path.split('.');
        const prefix = arrayUpdatePrefix(segments);
        if (prefix) targets.push({ op, rule: 'arrayUpdate', path: prefix.join('.'), segments: prefix });
        const plain = segments.slice(
          0,
          Math.max(
            0,
            segments.findIndex((part) => part.startsWith('$')),
          ),
        );
        if (rule === 'numeric' || op === '$min' || op === '$max')
          targets.push({ op, rule: 'positionalNumber', path: plain.join('.'), segments: plain });
        continue;
      }
      targets.push({ op, rule, path, segments: path.split('.') });
    }
  }
  if (targets.length > 1) targets.sort((a, b) => comparePaths(a.segments, b.segments));
  return targets;
}

const INDEX = /^\d+$/;

function idText(doc: Document): string {
  return doc._id === undefined ? 'no id' : formatElement('_id', doc._id);
}

/** The first problem `doc` has with `targets`, or undefined when MongoDB would apply the update. */
export function rejectionOf(doc: Document, targets: readonly Target[]): EngineError | undefined {
  for (const target of targets) {
    const error = checkTarget(doc, target);
    if (error) return error;
  }
  return undefined;
}

/** The value at a plain dotted path (through documents and array indexes), or undefined. */
function valueAt(doc: Document, segments: readonly string[]): unknown {
  let current: unknown = doc;
  for (const part of segments) {
    if (isPlainObject(current)) current = current[part];
    else if (Array.isArray(current) && INDEX.test(part)) current = current[Number(part)];
    else return undefined;
  }
  return current;
}

function checkTarget(doc: Document, target: Target): EngineError | undefined {
  const { segments, rule, op } = target;
  if (rule === 'renameTo' && valueAt(doc, target.source ?? []) === undefined) return undefined;
  if (rule === 'arrayUpdate') return checkArrayUpdate(doc, target);
  if (rule === 'positionalNumber') {
    // mingo's arithmetic and comparison skip bson number objects silently: refuse instead.
    if (hasBsonNumber(valueAt(doc, segments)))
      throw notSupported(`${op} through a positional path on Double, Long or Decimal128 values`);
    return undefined;
  }
  let current: unknown = doc;
  let name = '';
  for (let i = 0; i < segments.length; i++) {
    const part = segments[i] as string;
    let next: unknown;
    if (isPlainObject(current)) next = current[part];
    else if (Array.isArray(current) && INDEX.test(part)) next = current[Number(part)];
    else return notViable(target, i, name, current);
    // A missing field: creating operators create it, the others do nothing.
    if (next === undefined) return undefined;
    current = next;
    name = part;
  }
  switch (rule) {
    case 'numeric':
      if (isNumeric(current)) return undefined;
      return new EngineError(
        ErrorCode.TypeMismatch,
        `Cannot apply ${op} to a value of non-numeric type. {${idText(doc)}} has the field '${name}' of non-numeric type ${bsonTypeName(current)}`,
      );
    case 'bit':
      if (typeof current === 'number' && kindIsInt32(current)) return undefined;
      if (current instanceof Long) throw notSupported('$bit on an int64 value');
      return new EngineError(
        ErrorCode.BadValue,
        `Cannot apply $bit to a value of non-integral type.${idText(doc)} has the field ${name} of non-integer type ${bsonTypeName(current)}`,
      );
    case 'push':
      if (Array.isArray(current)) return undefined;
      return new EngineError(
        ErrorCode.BadValue,
        `The field '${name}' must be an array but is of type ${bsonTypeName(current)} in document {${idText(doc)}}`,
      );
    case 'addToSet':
      if (Array.isArray(current)) return undefined;
      return new EngineError(
        ErrorCode.BadValue,
        `Cannot apply $addToSet to non-array field. Field named '${name}' has non-array type ${bsonTypeName(current)}`,
      );
    case 'cull':
      if (Array.isArray(current)) return undefined;
      return new EngineError(ErrorCode.BadValue, 'Cannot apply $pull to a non-array value');
    case 'pop':
      if (Array.isArray(current)) return undefined;
      return new EngineError(
        ErrorCode.TypeMismatch,
        `Path '${target.path}' contains an element of non-array type '${bsonTypeName(current)}'`,
      );
    default:
      return undefined;
  }
}

function hasBsonNumber(v: unknown): boolean {
  if (v instanceof Double || v instanceof Long || v instanceof Decimal128) return true;
  if (Array.isArray(v)) return v.some(hasBsonNumber);
  if (isPlainObject(v)) return Object.values(v).some(hasBsonNumber);
  return false;
}

function kindIsInt32(v: number): boolean {
  return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 && !Object.is(v, -0);
}

function checkArrayUpdate(doc: Document, target: Target): EngineError | undefined {
  let current: unknown = doc;
  for (const part of target.segments) {
    if (isPlainObject(current)) current = current[part];
    else if (Array.isArray(current) && INDEX.test(part)) current = current[Number(part)];
    else return undefined; // left to mingo
    if (current === undefined) {
      return new EngineError(
        ErrorCode.BadValue,
        `The path '${target.path}' must exist in the document in order to apply array updates.`,
      );
    }
  }
  if (Array.isArray(current)) return undefined;
  const name = target.segments[target.segments.length - 1] as string;
  return new EngineError(
    ErrorCode.BadValue,
    `Cannot apply array updates to non-array element ${formatElement(name, current)}`,
  );
}

/** Part `i` of the path cannot be reached or created below `element` (named `name`). */
function notViable(target: Target, i: number, name: string, element: unknown): EngineError {
  const part = target.segments[i] as string;
  if (target.rule === 'cull' || target.rule === 'pop') {
    const taken = target.segments.slice(0, i).join('.');
    const rest = target.segments.slice(i).join('.');
    return new EngineError(
      ErrorCode.PathNotViable,
      `Cannot use the part (${part}) of (${taken}.${rest}) to traverse the element ({${formatElement(name, element)}})`,
    );
  }
  return new EngineError(
    ErrorCode.PathNotViable,
    `Cannot create field '${part}' in element {${formatElement(name, element)}}`,
  );
}

/** The first document of `docs` MongoDB would refuse to update (its index and error), if any. */
export function findRejection(
  docs: readonly Document[],
  modifier: Document,
): { index: number; error: EngineError } | undefined {
  const targets = updateTargets(modifier);
  if (targets.length === 0) return undefined;
  for (let i = 0; i < docs.length; i++) {
    const error = rejectionOf(docs[i] as Document, targets);
    if (error) return { index: i, error };
  }
  return undefined;
}

/** Throws MongoDB's error for the first document of `docs` it would refuse to update. */
export function assertUpdatable(docs: readonly Document[], modifier: Document): void {
  const targets = updateTargets(modifier);
  if (targets.length === 0) return;
  for (const doc of docs) {
    const error = rejectionOf(doc, targets);
    if (error) throw error;
  }
}
