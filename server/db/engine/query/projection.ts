// find/findAndModify projections through mingo's $project (inclusion, exclusion, $slice, $elemMatch,
// expressions), with the result put back into the stored document's field order. Positional `field.$`
// and `$meta` need query context mingo does not have: refused.
import type { Document } from 'bson';
import { Lazy } from 'mingo/lazy';
import { $project } from 'mingo/operators/pipeline';
import { isPlainObject } from '../bson-values.js';
import { notSupported } from '../errors.js';
import { queryOptions } from './mingo-context.js';

function check(projection: Document): void {
  for (const [k, v] of Object.entries(projection)) {
    if (k.endsWith('.$')) throw notSupported(`positional projection '${k}'`);
    if (isPlainObject(v) && '$meta' in v) throw notSupported(`$meta projection on '${k}'`);
  }
}

/** Returns a projector, or undefined for an empty projection (documents pass unchanged). */
export function compileProjection(
  projection: Document | undefined,
): ((docs: Document[]) => Document[]) | undefined {
  if (!projection || Object.keys(projection).length === 0) return undefined;
  check(projection);
  const shape = shapeOf(projection);
  return (docs) => {
    const projected = $project(Lazy(docs), projection, queryOptions).collect() as Document[];
    return projected.map((doc, i) => inDocumentOrder(doc, docs[i], shape) as Document);
  };
}

// mingo builds a projected document in its own order (`_id` last, array elements in the first
// element's order); MongoDB keeps the stored document's order for the fields it takes from it and
// appends computed fields after them. The shape says, per field, which of the two it is.
type Shape = Map<string, Shape | 'stored' | 'computed'>;

function isOperatorObject(v: unknown): boolean {
  return isPlainObject(v) && Object.keys(v).some((k) => k.startsWith('$'));
}

function shapeOf(projection: Document): Shape {
  const shape: Shape = new Map();
  for (const [path, spec] of Object.entries(projection)) {
    const parts = path.split('.');
    let node = shape;
    for (const part of parts.slice(0, -1)) {
      const child = node.get(part);
      if (child instanceof Map) {
        node = child;
      } else {
        const created: Shape = new Map();
        node.set(part, created);
        node = created;
      }
    }
    const last = parts[parts.length - 1] as string;
    if (isPlainObject(spec) && !isOperatorObject(spec)) {
      const existing = node.get(last);
      const nested = shapeOf(spec);
      if (existing instanceof Map) for (const [k, v] of nested) existing.set(k, v);
      else node.set(last, nested);
    } else if (isPlainObject(spec) && !('$slice' in spec) && !('$elemMatch' in spec)) {
      node.set(last, 'computed');
    } else if (typeof spec === 'string' || Array.isArray(spec)) {
      node.set(last, 'computed');
    } else if (!node.has(last)) {
      node.set(last, 'stored');
    }
  }
  return shape;
}

function inDocumentOrder(out: unknown, source: unknown, shape: Shape | 'stored' | 'computed'): unknown {
  if (!(shape instanceof Map)) return out;
  if (Array.isArray(out) && Array.isArray(source)) {
    // Elements correspond only when none were dropped.
    return out.length === source.length ? out.map((v, i) => inDocumentOrder(v, source[i], shape)) : out;
  }
  if (!isPlainObject(out) || !isPlainObject(source)) return out;
  const result: Document = {};
  for (const key of Object.keys(source)) {
    const kind = shape.get(key) ?? 'stored';
    if (kind !== 'computed' && Object.hasOwn(out, key))
      result[key] = inDocumentOrder(out[key], source[key], kind);
  }
  for (const key of Object.keys(out)) if (!Object.hasOwn(result, key)) result[key] = out[key];
  return result;
}

export function projectDocuments(docs: Document[], projection: Document): Document[] {
  const projector = compileProjection(projection);
  return projector ? projector(docs) : docs;
}
