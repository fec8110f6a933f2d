// The operator-update fast path must give exactly what the mingo path gives (same values, same BSON
// types, same field order), and must decline — leaving documents untouched — whatever it does not cover.
import { describe, expect, it } from 'vitest';
import { Decimal128, Double, Long, ObjectId, serialize, type Document } from 'bson';
import { cloneDoc, cloneValue } from '../../../server/db/engine/bson-values.js';
import type { EngineError } from '../../../server/db/engine/errors.js';
import { applyFastUpdate } from '../../../server/db/engine/query/update-fast-path.js';
import { applyOperatorsWithMingo, CompiledUpdate } from '../../../server/db/engine/query/update.js';

type Case = { name: string; doc: Document; update: Document };

const id = new ObjectId('65a1b2c3d4e5f60718293a4b');
const base = (): Document => ({
  _id: id,
  name: 'a',
  n: 1,
  ratio: 1.5,
  d: new Double(2),
  big: Long.fromNumber(5),
  nested: { x: 1, deeper: { y: 'z' } },
  tags: ['a', 'b'],
  when: new Date('2024-01-01T00:00:00Z'),
  empty: {},
});

/** Statements the fast path takes; the result must be byte-identical to mingo's. */
const fastCases: Case[] = [
  { name: '$set an existing top-level field', doc: base(), update: { $set: { name: 'b' } } },
  { name: '$set the same value (no change)', doc: base(), update: { $set: { name: 'a', n: 1 } } },
  {
    name: '$set new top-level fields (created in field-name order)',
    doc: base(),
    update: { $set: { zeta: 1, alpha: 2 } },
  },
  { name: '$set a dotted path into an existing document', doc: base(), update: { $set: { 'nested.x': 2 } } },
  {
    name: '$set a dotted path creating nested documents',
    doc: base(),
    update: { $set: { 'a.b.c': 1, 'nested.deeper.new.leaf': [1, { k: 2 }] } },
  },
  { name: '$set a numeric key inside a document', doc: base(), update: { $set: { 'nested.0': 'zero' } } },
  {
    name: '$set objects, arrays, dates and BSON values',
    doc: base(),
    update: {
      $set: {
        obj: { p: 1, q: { r: [1, 2] } },
        arr: [1, 'two', { three: 3 }],
        at: new Date('2025-05-05T00:00:00Z'),
        oid: new ObjectId('65a1b2c3d4e5f60718293a4c'),
        dbl: new Double(3),
        lng: Long.fromNumber(7),
        nothing: null,
      },
    },
  },
  { name: '$set replacing a document by a scalar', doc: base(), update: { $set: { nested: 3 } } },
  {
    name: '$set an equal value of another type (int → double)',
    doc: base(),
    update: { $set: { n: new Double(1) } },
  },
  {
    name: '$set an equal document in another field order',
    doc: base(),
    update: { $set: { nested: { deeper: { y: 'z' }, x: 1 } } },
  },
  { name: '$set replacing a scalar by a document', doc: base(), update: { $set: { n: { now: 'doc' } } } },
  {
    name: 'new fields of several operators are created in field-name order, existing ones stay',
    doc: base(),
    update: {
      $set: { zeta: 1, 'nested.b': 1, name: 'q', beta: { y: 1, x: 2 } },
      $inc: { alpha: 1, 'nested.a': 1 },
      $push: { 'sub.z': 1, 'sub.b': 2 },
    },
  },
  { name: '$inc an int32 (JS number) field', doc: base(), update: { $inc: { n: 1 } } },
  { name: '$inc a double field by a fraction', doc: base(), update: { $inc: { ratio: 0.25 } } },
  { name: '$inc a Double to an integral value keeps Double', doc: base(), update: { $inc: { d: 3 } } },
  { name: '$inc a Double to a fraction', doc: base(), update: { $inc: { d: 0.5 } } },
  { name: '$inc a Long keeps Long', doc: base(), update: { $inc: { big: 10 } } },
  { name: '$inc a Long by a fraction', doc: base(), update: { $inc: { big: 0.5 } } },
  { name: '$inc a missing field', doc: base(), update: { $inc: { counter: 5 } } },
  {
    name: '$inc a missing nested field',
    doc: base(),
    update: { $inc: { 'stats.views': 1, 'nested.z': -2 } },
  },
  { name: '$inc by zero and negative zero', doc: base(), update: { $inc: { n: 0, fresh: -0 } } },
  { name: '$inc a zero field', doc: { _id: 1, z: 0 }, update: { $inc: { z: 2 } } },
  { name: '$inc on NaN', doc: { _id: 1, a: Number.NaN }, update: { $inc: { a: 1 } } },
  {
    name: '$inc an int32 past 2^31 widens to int64',
    doc: { _id: 1, a: 2147483647 },
    update: { $inc: { a: 1 } },
  },
  {
    name: '$inc a Long beyond 2^53 exactly',
    doc: { _id: 1, a: Long.fromString('9007199254740993') },
    update: { $inc: { a: 2 } },
  },
  { name: '$inc a Double zero', doc: { _id: 1, z: new Double(0) }, update: { $inc: { z: 2 } } },
  {
    name: 'versioned update: $inc two fields',
    doc: { _id: id, key: 'k1', n: 3, __v: 7 },
    update: { $inc: { n: 1, __v: 1 } },
  },
  { name: '$unset a top-level field', doc: base(), update: { $unset: { name: '' } } },
  { name: '$unset a nested field', doc: base(), update: { $unset: { 'nested.deeper.y': 1 } } },
  { name: '$unset a missing field', doc: base(), update: { $unset: { missing: 1, 'nested.nope': 1 } } },
  { name: '$unset below a missing document', doc: base(), update: { $unset: { 'a.b.c': 1 } } },
  {
    name: '$unset below null and a falsy scalar',
    doc: { _id: 1, a: null, b: 0 },
    update: { $unset: { 'a.x': 1, 'b.y': 1 } },
  },
  { name: '$push onto an array', doc: base(), update: { $push: { tags: 'c' } } },
  { name: '$push a document', doc: base(), update: { $push: { tags: { k: 1 } } } },
  { name: '$push an array as one element', doc: base(), update: { $push: { tags: [1, 2] } } },
  { name: '$push creates a missing array', doc: base(), update: { $push: { list: 1, 'nested.list': 'x' } } },
  {
    name: 'several operators together',
    doc: base(),
    update: {
      $set: { name: 'mixed', 'meta.updatedBy': 'me' },
      $inc: { n: 2, 'meta.count': 1 },
      $unset: { ratio: 1 },
      $push: { tags: 'z' },
    },
  },
  {
    name: 'respondent autosave shape',
    doc: { _id: id, status: 'concept', revision: 3, data: { q1: 'ja', q2: ['a'] }, updatedAt: new Date(0) },
    update: {
      $set: {
        data: { q1: 'nee', q2: ['a', 'b'], q3: 'tekst' },
        updatedAt: new Date(1000),
        status: 'concept',
      },
      $inc: { revision: 1 },
    },
  },
  { name: 'empty $set', doc: base(), update: { $set: {} } },
];

/** Statements (or documents) the fast path must leave to mingo. */
const declinedCases: Case[] = [
  { name: 'dotted path into an array by index', doc: base(), update: { $set: { 'tags.1': 'B' } } },
  { name: '$inc by index into an array', doc: { _id: 1, list: [1, 2] }, update: { $inc: { 'list.0': 1 } } },
  { name: '$unset by index into an array', doc: base(), update: { $unset: { 'tags.0': 1 } } },
  { name: 'positional operator', doc: base(), update: { $set: { 'tags.$': 'x' } } },
  { name: 'all-positional operator', doc: base(), update: { $set: { 'tags.$[]': 'x' } } },
  { name: '$set through an ObjectId', doc: base(), update: { $set: { '_id.x': 1 } } },
  { name: 'conflicting paths', doc: base(), update: { $set: { nested: 1, 'nested.x': 2 } } },
  { name: 'same path in two operators', doc: base(), update: { $set: { n: 1 }, $inc: { n: 1 } } },
  {
    name: '$inc on a Decimal128',
    doc: { _id: 1, a: Decimal128.fromString('1.5') },
    update: { $inc: { a: 1 } },
  },
  { name: '$push with $each', doc: base(), update: { $push: { tags: { $each: ['c', 'd'] } } } },
  { name: '$push with $slice', doc: base(), update: { $push: { tags: { $each: ['c'], $slice: -2 } } } },
  {
    name: '$currentDate as a timestamp',
    doc: base(),
    update: { $currentDate: { t: { $type: 'timestamp' } } },
  },
  { name: '$inc with a Double argument', doc: base(), update: { $inc: { n: new Double(2) } } },
  { name: '$inc with a Long argument', doc: base(), update: { $inc: { n: Long.fromNumber(2) } } },
  { name: 'other operators ($mul)', doc: base(), update: { $mul: { n: 2 } } },
  { name: 'other operators ($addToSet)', doc: base(), update: { $addToSet: { tags: 'a' } } },
  { name: 'an inherited property name', doc: base(), update: { $inc: { toString: 1 } } },
  { name: 'a __proto__ segment', doc: base(), update: { $set: { 'a.__proto__.b': 1 } } },
];

/** Statements MongoDB refuses for the document: both paths throw the same error, touching nothing. */
const rejectedCases: (Case & { code: number; message: string })[] = [
  {
    name: '$set through null',
    doc: { _id: 1, a: null },
    update: { $set: { 'a.b': 1 } },
    code: 28,
    message: "Cannot create field 'b' in element {a: null}",
  },
  {
    name: '$set through a scalar',
    doc: { _id: 1, a: 5 },
    update: { $set: { 'a.b': 1 } },
    code: 28,
    message: "Cannot create field 'b' in element {a: 5}",
  },
  {
    name: '$set deep through a nested scalar',
    doc: { _id: 1, a: { b: 'x' } },
    update: { $set: { 'a.b.c.d': 1 } },
    code: 28,
    message: 'Cannot create field \'c\' in element {b: "x"}',
  },
  {
    name: '$set through an array by field name',
    doc: { _id: 1, list: [{ a: 1 }] },
    update: { $set: { 'list.a': 2 } },
    code: 28,
    message: "Cannot create field 'a' in element {list: [ { a: 1 } ]}",
  },
  {
    name: '$set through a Date',
    doc: base(),
    update: { $set: { 'when.x': 1 } },
    code: 28,
    message: "Cannot create field 'x' in element {when: new Date(1704067200000)}",
  },
  {
    name: '$inc through null',
    doc: { _id: 1, a: null },
    update: { $inc: { 'a.n': 1 } },
    code: 28,
    message: "Cannot create field 'n' in element {a: null}",
  },
  {
    name: '$push through a scalar',
    doc: { _id: 1, a: 5 },
    update: { $push: { 'a.list': 1 } },
    code: 28,
    message: "Cannot create field 'list' in element {a: 5}",
  },
  {
    name: '$inc on a string',
    doc: base(),
    update: { $inc: { name: 1 } },
    code: 14,
    message:
      "Cannot apply $inc to a value of non-numeric type. {_id: ObjectId('65a1b2c3d4e5f60718293a4b')} has the field 'name' of non-numeric type string",
  },
  {
    name: '$inc on null',
    doc: { _id: 1, a: null },
    update: { $inc: { a: 1 } },
    code: 14,
    message:
      "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type null",
  },
  {
    name: '$inc on a nested document',
    doc: base(),
    update: { $inc: { nested: 1 } },
    code: 14,
    message:
      "Cannot apply $inc to a value of non-numeric type. {_id: ObjectId('65a1b2c3d4e5f60718293a4b')} has the field 'nested' of non-numeric type object",
  },
  {
    name: '$mul on null',
    doc: { _id: 1, a: null },
    update: { $mul: { a: 2 } },
    code: 14,
    message:
      "Cannot apply $mul to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type null",
  },
  {
    name: '$push onto a scalar',
    doc: base(),
    update: { $push: { name: 'x' } },
    code: 2,
    message:
      "The field 'name' must be an array but is of type string in document {_id: ObjectId('65a1b2c3d4e5f60718293a4b')}",
  },
  {
    name: '$push onto null',
    doc: { _id: 1, a: null },
    update: { $push: { a: 'x' } },
    code: 2,
    message: "The field 'a' must be an array but is of type null in document {_id: 1}",
  },
  {
    name: '$addToSet onto a string',
    doc: { _id: 1, a: 's' },
    update: { $addToSet: { a: 'x' } },
    code: 2,
    message: "Cannot apply $addToSet to non-array field. Field named 'a' has non-array type string",
  },
  {
    name: '$pull from a number',
    doc: { _id: 1, a: 3 },
    update: { $pull: { a: 3 } },
    code: 2,
    message: 'Cannot apply $pull to a non-array value',
  },
  {
    name: '$pullAll from a document',
    doc: { _id: 1, a: { b: 1 } },
    update: { $pullAll: { a: [1] } },
    code: 2,
    message: 'Cannot apply $pull to a non-array value',
  },
  {
    name: '$pop on a string',
    doc: { _id: 1, a: 'x' },
    update: { $pop: { a: 1 } },
    code: 14,
    message: "Path 'a' contains an element of non-array type 'string'",
  },
  {
    name: '$rename into a path through a scalar',
    doc: { _id: 1, a: 5, b: 1 },
    update: { $rename: { b: 'a.c' } },
    code: 28,
    message: "Cannot create field 'c' in element {a: 5}",
  },
  {
    name: '$bit on a string',
    doc: { _id: 1, a: 'x' },
    update: { $bit: { a: { and: 1 } } },
    code: 2,
    message:
      'Cannot apply $bit to a value of non-integral type._id: 1 has the field a of non-integer type string',
  },
  {
    name: '$[] on a scalar',
    doc: { _id: 1, a: 5 },
    update: { $set: { 'a.$[]': 1 } },
    code: 2,
    message: 'Cannot apply array updates to non-array element a: 5',
  },
  {
    name: '$[] on a missing field',
    doc: { _id: 1 },
    update: { $inc: { 'a.$[]': 1 } },
    code: 2,
    message: "The path 'a' must exist in the document in order to apply array updates.",
  },
  {
    name: 'the first failing path in field order wins',
    doc: { _id: 1, a: 5, b: null },
    update: { $set: { z: 1 }, $inc: { b: 1 }, $push: { a: 1 } },
    code: 2,
    message: "The field 'a' must be an array but is of type int in document {_id: 1}",
  },
];

/** A statement compiled by the engine, so argument conversion (Double/Long → number) happened. */
function modifierOf(update: Document): Document {
  const modifier = cloneValue(update);
  new CompiledUpdate(modifier, {}, undefined);
  return modifier;
}

/** The engine error a call throws as {code, message}, or the call's result when it does not throw. */
function thrown(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return { code: (error as EngineError).code, message: (error as Error).message };
  }
}

function viaMingo(doc: Document, modifier: Document, arrayFilters?: Document[]): Document {
  const work = [cloneDoc(doc)];
  applyOperatorsWithMingo(work, modifier, {}, arrayFilters);
  return work[0] as Document;
}

/** Exact BSON bytes: values, types (int32/double/int64) and field order. */
function bytes(doc: Document): string {
  return Buffer.from(serialize(doc)).toString('hex');
}

describe('operator update fast path', () => {
  it.each(fastCases)('$name: same document as mingo', ({ doc, update }) => {
    const modifier = modifierOf(update);
    const original = bytes(doc);
    const work = [cloneDoc(doc)];
    expect(applyFastUpdate(work, modifier, undefined)).toBe(true);
    const expected = viaMingo(doc, modifier);
    expect(bytes(work[0] as Document)).toBe(bytes(expected));
    expect(work[0]).toStrictEqual(expected);
    expect(bytes(doc)).toBe(original);
  });

  it.each(declinedCases)('$name: declined, document untouched', ({ doc, update }) => {
    const modifier = cloneValue(update);
    const work = [cloneDoc(doc)];
    const before = bytes(work[0] as Document);
    expect(applyFastUpdate(work, modifier, undefined)).toBe(false);
    expect(bytes(work[0] as Document)).toBe(before);
  });

  it.each(rejectedCases)('$name: refused with code $code, document untouched', (testCase) => {
    const { doc, update, code, message } = testCase;
    const modifier = modifierOf(update);
    const work = [cloneDoc(doc)];
    const before = bytes(work[0] as Document);
    const fast = thrown(() => applyFastUpdate(work, modifier, undefined));
    expect(bytes(work[0] as Document)).toBe(before);
    const mingoWork = [cloneDoc(doc)];
    const general = thrown(() => applyOperatorsWithMingo(mingoWork, modifier, {}, undefined));
    expect(bytes(mingoWork[0] as Document)).toBe(before);
    const compiled = thrown(() => new CompiledUpdate(cloneValue(update), {}, undefined).apply([doc]));
    expect(general).toEqual({ code, message });
    // Statements the fast path does not take are declined (false) before the check: then only mingo speaks.
    if (fast !== false) expect(fast).toEqual(general);
    expect(compiled).toEqual(general);
  });

  it('declines any statement with arrayFilters', () => {
    const work = [cloneDoc(base())];
    expect(applyFastUpdate(work, { $set: { name: 'x' } }, [{ 'e.a': 1 }])).toBe(false);
    expect(work[0]?.name).toBe('a');
    expect(applyFastUpdate(work, { $set: { name: 'x' } }, [])).toBe(true);
    expect(work[0]?.name).toBe('x');
  });

  it('declines a whole batch when one document needs mingo, and the batch result equals mingo', () => {
    const docs = [
      { _id: 1, a: { b: 1 } },
      { _id: 2, a: [1] },
    ];
    const work = docs.map(cloneDoc);
    expect(applyFastUpdate(work, { $set: { 'a.0': 2 } }, undefined)).toBe(false);
    expect(work).toStrictEqual(docs);
    const [result] = new CompiledUpdate({ $set: { 'a.0': 2 } }, {}, undefined).apply([docs[0] as Document]);
    expect(result?.doc).toStrictEqual({ _id: 1, a: { b: 1, '0': 2 } });
  });

  it('$currentDate sets one fresh Date per statement, like mingo', () => {
    const before = Date.now();
    const work = [cloneDoc(base()), cloneDoc({ _id: 2 })];
    const modifier = { $currentDate: { seen: true, 'meta.at': { $type: 'date' } } };
    expect(applyFastUpdate(work, modifier, undefined)).toBe(true);
    const expected = viaMingo(base(), modifier);
    for (const doc of work) {
      expect(doc.seen).toBeInstanceOf(Date);
      expect((doc.seen as Date).getTime()).toBeGreaterThanOrEqual(before);
      expect((doc.seen as Date).getTime()).toBeLessThanOrEqual(Date.now());
      expect((doc.meta as Document).at).toStrictEqual(doc.seen);
      expect(doc.seen).not.toBe((doc.meta as Document).at);
    }
    expect(Object.keys(work[0] as Document)).toEqual(Object.keys(expected));
    expect(Object.keys(expected.meta as Document)).toEqual(['at']);
  });
});

const L = (text: string): Long => Long.fromString(text);

/** Stored results with MongoDB's BSON types (int32 < int64 < double; int32 overflow → int64). */
const numericCases: { name: string; doc: Document; update: Document; expected: unknown }[] = [
  {
    name: 'int32 + int32 past 2^31 → int64',
    doc: { a: 2147483647 },
    update: { $inc: { a: 1 } },
    expected: L('2147483648'),
  },
  {
    name: 'int32 - int32 below -2^31 → int64',
    doc: { a: -2147483648 },
    update: { $inc: { a: -1 } },
    expected: L('-2147483649'),
  },
  {
    name: 'int32 + double → double',
    doc: { a: 1 },
    update: { $inc: { a: new Double(2) } },
    expected: new Double(3),
  },
  { name: 'int32 + int64 → int64', doc: { a: 1 }, update: { $inc: { a: L('2') } }, expected: L('3') },
  {
    name: 'int64 + int32 stays exact beyond 2^53',
    doc: { a: L('9007199254740993') },
    update: { $inc: { a: 2 } },
    expected: L('9007199254740995'),
  },
  { name: 'int64 + fraction → double', doc: { a: L('1') }, update: { $inc: { a: 0.5 } }, expected: 1.5 },
  {
    name: 'double + int32 → double',
    doc: { a: new Double(2) },
    update: { $inc: { a: 1 } },
    expected: new Double(3),
  },
  { name: 'missing + int64 → int64', doc: {}, update: { $inc: { a: L('2') } }, expected: L('2') },
  {
    name: 'missing + double → double',
    doc: {},
    update: { $inc: { a: new Double(2) } },
    expected: new Double(2),
  },
  { name: '$mul missing by int32 → int32 0', doc: {}, update: { $mul: { a: 5 } }, expected: 0 },
  {
    name: '$mul missing by double → double 0',
    doc: {},
    update: { $mul: { a: new Double(5) } },
    expected: new Double(0),
  },
  { name: '$mul missing by int64 → int64 0', doc: {}, update: { $mul: { a: L('5') } }, expected: L('0') },
  {
    name: '$mul int32 past 2^31 → int64',
    doc: { a: 65536 },
    update: { $mul: { a: 65536 } },
    expected: L('4294967296'),
  },
  {
    name: '$mul int64 beyond 2^53 exactly',
    doc: { a: L('4611686018427387903') },
    update: { $mul: { a: 2 } },
    expected: L('9223372036854775806'),
  },
  {
    name: '$max stores the argument as given',
    doc: { a: 5 },
    update: { $max: { a: new Double(7) } },
    expected: new Double(7),
  },
  {
    name: '$max keeps the larger Long beyond 2^53',
    doc: { a: L('9007199254740993') },
    update: { $max: { a: L('9007199254740992') } },
    expected: L('9007199254740993'),
  },
  {
    name: '$min in BSON order: numbers before strings',
    doc: { a: 'x' },
    update: { $min: { a: 5 } },
    expected: 5,
  },
  {
    name: '$max in BSON order: dates after numbers',
    doc: { a: 5 },
    update: { $max: { a: new Date(0) } },
    expected: new Date(0),
  },
  {
    name: '$min on a missing field stores the argument',
    doc: {},
    update: { $min: { a: L('3') } },
    expected: L('3'),
  },
];

describe('numeric operators keep MongoDB types (both paths)', () => {
  it.each(numericCases)('$name', ({ doc, update, expected }) => {
    const start = { _id: 1, ...doc };
    const want = bytes({ ...start, a: expected });
    const [result] = new CompiledUpdate(cloneValue(update), {}, undefined).apply([start]);
    expect(bytes(result?.doc as Document)).toBe(want);
    expect(bytes(viaMingo(start, update))).toBe(want);
    const work = [cloneDoc(start)];
    if (applyFastUpdate(work, update, undefined)) expect(bytes(work[0] as Document)).toBe(want);
  });

  it('refuses positional arithmetic on Double/Long elements loudly (mingo would skip them)', () => {
    const doc = { _id: 1, a: [L('1'), 2] };
    expect(() => new CompiledUpdate({ $inc: { 'a.$[]': 1 } }, {}, undefined).apply([doc])).toThrow(
      /not supported/,
    );
    const [plain] = new CompiledUpdate({ $inc: { 'a.$[]': 1 } }, {}, undefined).apply([
      { _id: 1, a: [1, 2] },
    ]);
    expect(plain?.doc).toStrictEqual({ _id: 1, a: [2, 3] });
  });

  it('refuses an int64 overflow loudly instead of wrapping or rounding', () => {
    const doc = { _id: 1, a: L('9223372036854775807') };
    expect(() => new CompiledUpdate({ $inc: { a: 1 } }, {}, undefined).apply([doc])).toThrow(/not supported/);
  });
});

describe('CompiledUpdate through the fast path', () => {
  it.each(fastCases)('$name: apply() result and modified flag as via mingo', ({ doc, update }) => {
    const compiled = new CompiledUpdate(cloneValue(update), {}, undefined);
    const [result] = compiled.apply([doc]);
    const expected = viaMingo(doc, modifierOf(update));
    expect(bytes(result?.doc as Document)).toBe(bytes(expected));
    expect(result?.modified).toBe(bytes(doc) !== bytes(expected));
  });

  it.each(
    declinedCases.filter(
      // Positional paths need the filter; $currentDate's value depends on the clock.
      (testCase) => !testCase.name.includes('positional') && !testCase.name.includes('$currentDate'),
    ),
  )('$name: apply() behaves as the mingo path (same document or same error)', ({ doc, update }) => {
    const outcome = (run: () => Document): { doc?: string; error?: string } => {
      try {
        return { doc: bytes(run()) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    const viaApply = outcome(() => {
      const [result] = new CompiledUpdate(cloneValue(update), {}, undefined).apply([doc]);
      return result?.doc as Document;
    });
    const viaMingoPath = outcome(() => viaMingo(doc, modifierOf(update)));
    expect(viaApply).toEqual(viaMingoPath);
  });

  it('applyUntilRejected updates the documents before the first refused one and stops there', () => {
    const docs = [
      { _id: 1, a: { n: 1 } },
      { _id: 2, a: 5 },
      { _id: 3, a: { n: 1 } },
    ];
    const compiled = new CompiledUpdate({ $inc: { 'a.n': 1 } }, {}, undefined);
    const { results, rejection } = compiled.applyUntilRejected(docs);
    expect(results.map((r) => r.doc)).toStrictEqual([{ _id: 1, a: { n: 2 } }]);
    expect(rejection?.code).toBe(28);
    expect(rejection?.message).toBe("Cannot create field 'n' in element {a: 5}");
    expect(docs[0]).toStrictEqual({ _id: 1, a: { n: 1 } });
    expect(() => compiled.apply(docs)).toThrow(rejection?.message);
  });

  it('$set of _id to its own value is dropped by apply(), the rest goes through the fast path', () => {
    const doc = base();
    const [result] = new CompiledUpdate({ $set: { _id: id, name: 'q' } }, {}, undefined).apply([doc]);
    expect(bytes(result?.doc as Document)).toBe(bytes(viaMingo(doc, { $set: { name: 'q' } })));
    expect(result?.modified).toBe(true);
    const work = [cloneDoc(doc)];
    expect(applyFastUpdate(work, { $set: { _id: id } }, undefined)).toBe(false);
  });

  it('an upsert builds its document through the fast path like mingo would', () => {
    const compiled = new CompiledUpdate(
      { $set: { 'a.b': 1, name: 'x' }, $setOnInsert: { created: 1 }, $inc: { n: 2 } },
      { key: 'k' },
      undefined,
    );
    const doc = compiled.upsertDocument({ key: 'k' });
    expect(Object.keys(doc)).toEqual(['_id', 'key', 'a', 'created', 'n', 'name']);
    expect(doc).toMatchObject({ key: 'k', a: { b: 1 }, name: 'x', created: 1, n: 2 });
    const expected = viaMingo(
      { _id: doc._id, key: 'k' },
      { $set: { 'a.b': 1, name: 'x', created: 1 }, $inc: { n: 2 } },
    );
    expect(bytes(doc)).toBe(bytes(expected));
  });
});
