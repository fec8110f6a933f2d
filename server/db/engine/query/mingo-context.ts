// One mingo operator context for the whole engine. mingo's stock comparison operators compare values
// by JS type, so Long(1) ≠ 1, ObjectId sorts after Date and `$type: 'objectId'` never matches; here the
// value-comparing operators are replaced by versions built on bson-values.ts. The context is built once:
// `Context.from` copies every operator table, which is what made per-call construction slow.
import type { Document } from 'bson';
import { Context, evalExpr, ProcessingMode } from 'mingo/core';
import { Query } from 'mingo/query';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Lazy, type Iterator } from 'mingo/lazy';
import type { AnyObject, CollectionResolver, Options } from 'mingo/types';
import { bsonTypeName, compareValues, isNumeric, matchesType } from '../bson-values.js';
import { badValue, notSupported } from '../errors.js';
import { compileInList, eqMatch } from './in-list.js';
import { queryCandidates } from './paths.js';
import { parseSort, sortDocuments } from './sort.js';

type Predicate = (doc: AnyObject) => boolean;

// Same "type bracket" (numbers with numbers, strings with strings, …) is required for $lt/$gt.
function comparable(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return true;
  return bsonTypeName(a) === bsonTypeName(b);
}

function rangeOp(test: (c: number) => boolean, inclusiveNull: boolean) {
  return (selector: string, value: unknown): Predicate => {
    if (value instanceof RegExp) throw badValue('cannot use a regular expression with a range operator');
    return (doc) =>
      queryCandidates(doc, selector).some((c) => {
        if (value === null) return inclusiveNull && (c === null || c === undefined);
        return c !== undefined && comparable(c, value) && test(compareValues(c, value));
      });
  };
}

const bsonQueryOperators = {
  $eq:
    (selector: string, value: unknown): Predicate =>
    (doc) =>
      eqMatch(queryCandidates(doc, selector), value),
  $ne:
    (selector: string, value: unknown): Predicate =>
    (doc) =>
      !eqMatch(queryCandidates(doc, selector), value),
  $in: (selector: string, value: unknown): Predicate => {
    if (!Array.isArray(value)) throw badValue('$in needs an array');
    const matches = compileInList(value);
    return (doc) => matches(queryCandidates(doc, selector));
  },
  $nin: (selector: string, value: unknown): Predicate => {
    if (!Array.isArray(value)) throw badValue('$nin needs an array');
    const matches = compileInList(value);
    return (doc) => !matches(queryCandidates(doc, selector));
  },
  $gt: rangeOp((c) => c > 0, false),
  $gte: rangeOp((c) => c >= 0, true),
  $lt: rangeOp((c) => c < 0, false),
  $lte: rangeOp((c) => c <= 0, true),
  $type: (selector: string, value: unknown): Predicate => {
    const wanted = Array.isArray(value) ? value : [value];
    return (doc) =>
      queryCandidates(doc, selector).some((c) => c !== undefined && wanted.some((w) => matchesType(c, w)));
  },
  $where: (): Predicate => {
    throw notSupported('$where');
  },
  $jsonSchema: (): Predicate => {
    throw notSupported('$jsonSchema');
  },
};

function unsupportedStage(name: string) {
  return (): Iterator => {
    throw notSupported(`aggregation stage ${name}`);
  };
}

const bsonPipelineOperators = {
  // mingo's $sort uses its JS-type ordering; MongoDB's BSON order is needed (numbers across types etc.).
  $sort: (coll: Iterator, expr: unknown): Iterator => {
    const fields = parseSort(expr);
    return coll.transform((docs) => Lazy(sortDocuments(docs as Document[], fields)));
  },
  $out: unsupportedStage('$out'),
  $merge: unsupportedStage('$merge'),
};

const bsonExpressionOperators = {
  $type: (obj: AnyObject, expr: unknown, options: Options): unknown =>
    bsonTypeName(evalExpr(obj, expr, options)),
};

const CAPTURE = '$__engineCaptureOptions';
let captured: Options | undefined;

// mingo does not export ComputeOptions, but Query/Aggregator skip copying the operator tables only when
// handed a ComputeOptions instance. A query operator receives exactly such an instance, so one query with
// a private capture operator yields it; afterwards the operator refuses to run.
const captureOperator = (_selector: string, _value: unknown, options: Options): Predicate => {
  if (captured) throw badValue(`unknown operator: ${CAPTURE}`);
  captured = options;
  return () => true;
};

const operatorTables = {
  accumulator: { ...accumulatorOperators },
  expression: { ...expressionOperators, ...bsonExpressionOperators },
  pipeline: { ...pipelineOperators, ...bsonPipelineOperators },
  projection: { ...projectionOperators },
  query: { ...queryOperators, ...bsonQueryOperators, [CAPTURE]: captureOperator },
  window: { ...windowOperators },
} as unknown as Parameters<typeof Context.init>[0];

export const engineContext: Context = Context.init(operatorTables);

const baseOptions = {
  idKey: '_id',
  scriptEnabled: false,
  useStrictMode: true,
  failOnError: true,
  processingMode: ProcessingMode.CLONE_OFF,
};

function captureOptions(extra: Partial<Options>): Options {
  captured = undefined;
  new Query({ _: { [CAPTURE]: 1 } }, { ...baseOptions, ...extra, context: engineContext });
  const options = captured;
  if (!options) throw new Error('mingo options capture failed');
  return options;
}

/** Shared, pre-built options for queries: Query/Aggregator re-use the context without copying it. */
export const queryOptions: Options = captureOptions({});

/** Options for an aggregation that may reference other collections ($lookup, $unionWith, …). */
export function aggregateOptions(collectionResolver: CollectionResolver): Options {
  return captureOptions({ collectionResolver });
}

/**
 * Plain options for mingo's updater: it spreads the options object (dropping a ComputeOptions'
 * context), so it must receive a plain object; it then copies the context once per call — call it
 * once per statement, never once per document.
 */
export const updaterOptions: Partial<Options> = { ...baseOptions, context: engineContext };
