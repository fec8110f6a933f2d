// What MongoDB checks about the EXISTING values an operator update touches, before it changes a
// document: a dotted path may not run through a scalar, null or an array (unless the next part is an
// index), `$inc`/`$mul` need a number, the array operators need an array. mingo (and a naive direct
// implementation) would instead replace the value or silently skip it, so both update paths run this
// check first and refuse the document with MongoDB's code and message.
import type { Document } from 'bson';
import { bsonTypeName, isNumeric, isPlainObject } from '../bson-values.js';
import { EngineError, ErrorCode } from '../errors.js';
import { formatElement } from './format-value.js';
import { comparePaths } from './update-order.js';

type Rule = 'create' | 'numeric' | 'push' | 'addToSet' | 'cull' | 'pop' | 'none';

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
  // $unset tolerates any path; $rename and $bit are left to mingo.
};

type Target = { op: string; rule: Rule; path: string; segments: string[] };

/** The checkable (non-positional) paths of a modifier, in MongoDB's application order (by field name). */
export function updateTargets(modifier: Document): Target[] {
  const targets: Target[] = [];
  for (const op of Object.keys(modifier)) {
    const rule = RULES[op] ?? 'none';
    if (rule === 'none') continue;
    const fields = modifier[op];
    if (!isPlainObject(fields)) continue;
    for (const path of Object.keys(fields)) {
      if (path.includes('$')) continue;
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

function checkTarget(doc: Document, target: Target): EngineError | undefined {
  const { segments, rule, op } = target;
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
