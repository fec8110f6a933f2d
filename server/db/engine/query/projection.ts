// find/findAndModify projections through mingo's $project (inclusion, exclusion, $slice, $elemMatch,
// expressions). Positional `field.$` and `$meta` need query context mingo does not have: refused.
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
  return (docs) => $project(Lazy(docs), projection, queryOptions).collect() as Document[];
}

export function projectDocuments(docs: Document[], projection: Document): Document[] {
  const projector = compileProjection(projection);
  return projector ? projector(docs) : docs;
}
