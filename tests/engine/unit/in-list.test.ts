// `$in` hashes its list once per query. The hashed path must agree with the pairwise comparison it
// replaced for every document shape and list (differential table), and both must give MongoDB's answers
// (the hand-written cases, whose expectations follow MongoDB's documented `$in`/`$nin` semantics).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp, type Document } from 'bson';
import { compileInList, inMatchByComparison } from '../../../server/db/engine/query/in-list.js';
import { compileFilter } from '../../../server/db/engine/query/filter.js';
import { queryCandidates } from '../../../server/db/engine/query/paths.js';

const OID_HEX = '64b7f0c2a1b2c3d4e5f60718';
const oid = new ObjectId(OID_HEX);
const day = new Date('2025-03-01T00:00:00Z');

/** Scalars of every hashed type, the values they must be equal to, and look-alikes of other types. */
const SCALARS: unknown[] = [
  null,
  0,
  -0,
  1,
  1.5,
  -7,
  NaN,
  Infinity,
  2 ** 53,
  2 ** 60,
  new Double(1),
  new Double(2 ** 31),
  new Int32(1),
  new Int32(-7),
  Long.fromNumber(1),
  Long.fromNumber(-7),
  Long.fromString('1152921504606846976'), // 2^60: no exact twin among safe integers
  Long.fromString('1152921504606846977'), // 2^60 + 1: same double as 2^60
  Decimal128.fromString('1'),
  Decimal128.fromString('1.0'),
  Decimal128.fromString('-0'),
  Decimal128.fromString('NaN'),
  Long.fromString('9007199254740993'), // 2^53 + 1: no double equals it
  Long.fromString('9007199254740992'),
  2 ** 53 + 2,
  0.1,
  Decimal128.fromString('0.1'), // not the double 0.1
  Decimal128.fromString('1.5'), // the double 1.5 exactly
  Decimal128.fromString('9007199254740993'),
  Decimal128.fromString('1152921504606846976'),
  Decimal128.fromString('1.152921504606846977E+18'),
  '',
  '1',
  'a',
  'A',
  OID_HEX,
  'true',
  'null',
  true,
  false,
  oid,
  new ObjectId(OID_HEX),
  new ObjectId('000000000000000000000001'),
  day,
  new Date(day.getTime()),
  new Date(0),
  new Date(NaN),
  new Binary(Buffer.from('ab')),
  new Timestamp({ t: 1, i: 1 }),
  /a/,
  /^A$/i,
];

/** Non-scalar list values (compared pairwise) and regexes (pattern matches on strings). */
const COMPOSITES: unknown[] = [[1, 2], [], [null], [[1]], { x: 1 }, { x: 1, y: 2 }, {}, /^a/, /1/];

/** Document shapes: the value itself, in arrays, nested arrays, arrays of documents, missing. */
function documentsWith(value: unknown): Document[] {
  return [
    { a: value },
    { a: [value] },
    { a: [value, 'other'] },
    { a: [[value]] },
    { a: { b: value } },
    { a: [{ b: value }, { b: 2 }] },
    { a: [{ c: 1 }, { b: [value] }] },
  ];
}

const DOCUMENTS: Document[] = [
  {},
  { a: null },
  { a: [] },
  { a: [[]] },
  { a: {} },
  { a: [{}] },
  { a: [null] },
  { a: { b: null } },
  { a: [{ b: 1 }, {}] },
  { a: 'x', b: 1 },
  ...[...SCALARS, ...COMPOSITES].flatMap(documentsWith),
];

const PATHS = ['a', 'a.b', 'a.0', 'a.1', 'a.0.b', 'missing'];

/** Deterministic small PRNG so that the random lists are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

function lists(): unknown[][] {
  const all = [...SCALARS, ...COMPOSITES];
  const out: unknown[][] = [[], ...all.map((v) => [v]), SCALARS, COMPOSITES, all];
  const random = seeded(42);
  for (let i = 0; i < 150; i++) {
    const size = 1 + Math.floor(random() * 8);
    out.push(Array.from({ length: size }, () => all[Math.floor(random() * all.length)]));
  }
  return out;
}

describe('hashed $in agrees with pairwise comparison', () => {
  const allLists = lists();

  it(`for ${allLists.length} lists × ${DOCUMENTS.length} documents × ${PATHS.length} paths`, () => {
    let compared = 0;
    let matched = 0;
    const mismatches: string[] = [];
    for (const list of allLists) {
      const hashed = compileInList(list);
      for (const doc of DOCUMENTS) {
        for (const path of PATHS) {
          const candidates = queryCandidates(doc, path);
          const expected = inMatchByComparison(candidates, list);
          compared++;
          if (expected) matched++;
          if (hashed(candidates) !== expected && mismatches.length < 10) {
            mismatches.push(`${inspect(list)} on ${path} of ${inspect(doc, { depth: 5 })}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The table must exercise both outcomes substantially, or it proves nothing.
    expect(compared).toBeGreaterThan(100_000);
    expect(matched).toBeGreaterThan(compared / 20);
  });

  it('also through compiled filters, for $in and $nin', () => {
    for (const list of allLists.slice(0, 30)) {
      for (const path of PATHS.slice(0, 3)) {
        const inFilter = compileFilter({ [path]: { $in: list } });
        const ninFilter = compileFilter({ [path]: { $nin: list } });
        for (const doc of DOCUMENTS) {
          const expected = inMatchByComparison(queryCandidates(doc, path), list);
          expect(inFilter.test(doc)).toBe(expected);
          expect(ninFilter.test(doc)).toBe(!expected);
        }
      }
    }
  });
});

type Case = { name: string; filter: Document; matches: Document[]; misses: Document[] };

// MongoDB's answers, stated independently of either implementation.
const CASES: Case[] = [
  {
    name: 'numbers of every representation are equal by value',
    filter: { n: { $in: [1] } },
    matches: [
      { n: 1 },
      { n: new Double(1) },
      { n: new Int32(1) },
      { n: Long.fromNumber(1) },
      { n: Decimal128.fromString('1.00') },
    ],
    misses: [{ n: '1' }, { n: true }, { n: 1.5 }, { n: new Date(1) }],
  },
  {
    name: 'a Long in the list matches doubles and ints',
    filter: { n: { $in: [Long.fromNumber(-7), new Int32(3)] } },
    matches: [{ n: -7 }, { n: new Double(3) }, { n: [0, 3] }],
    misses: [{ n: 7 }, { n: '-7' }],
  },
  {
    name: '-0 equals 0 and NaN equals NaN',
    filter: { n: { $in: [-0, NaN] } },
    matches: [{ n: 0 }, { n: -0 }, { n: NaN }, { n: Decimal128.fromString('NaN') }],
    misses: [{ n: null }, {}, { n: '0' }],
  },
  {
    name: 'ObjectIds by value, never as their hex string',
    filter: { r: { $in: [new ObjectId(OID_HEX), 'x'] } },
    matches: [{ r: oid }, { r: [new ObjectId(), oid] }, { r: 'x' }],
    misses: [{ r: OID_HEX }, { r: new ObjectId() }, {}],
  },
  {
    name: 'null matches null, missing and arrays holding null, not empty arrays',
    filter: { a: { $in: [null, 5] } },
    matches: [{}, { a: null }, { a: [null] }, { a: [1, null] }, { a: 5 }, { b: 5 }],
    misses: [{ a: [] }, { a: 0 }, { a: false }, { a: '' }, { a: [1, 2] }],
  },
  {
    name: 'null on a dotted path also matches where the path stops early',
    filter: { 'a.b': { $in: [null] } },
    matches: [{}, { a: 1 }, { a: {} }, { a: { b: null } }, { a: [{ b: 1 }, {}] }],
    misses: [{ a: { b: 1 } }, { a: [{ b: 1 }, { b: 2 }] }],
  },
  {
    name: 'an array field matches when any element is in the list',
    filter: { tags: { $in: ['b', 'z'] } },
    matches: [{ tags: ['a', 'b'] }, { tags: 'z' }, { tags: [{ x: 1 }, 'z'] }],
    misses: [{ tags: ['a'] }, { tags: [['b']] }, { tags: [] }, {}],
  },
  {
    name: 'an array in the list matches the whole array (and arrays nested in arrays)',
    filter: { a: { $in: [[1, 2]] } },
    matches: [{ a: [1, 2] }, { a: [[1, 2], 3] }],
    misses: [{ a: [2, 1] }, { a: 1 }, { a: [1, 2, 3] }],
  },
  {
    name: 'documents in the list match equal embedded documents, field order included',
    filter: { a: { $in: [{ x: 1, y: 2 }] } },
    matches: [{ a: { x: 1, y: 2 } }, { a: [{ x: 1, y: 2 }] }, { a: { x: new Int32(1), y: 2 } }],
    misses: [{ a: { y: 2, x: 1 } }, { a: { x: 1 } }],
  },
  {
    name: 'regexes in the list match strings, mixed with hashed values',
    filter: { s: { $in: [/^ab/, 'zz', 3] } },
    matches: [{ s: 'abc' }, { s: ['q', 'abx'] }, { s: 'zz' }, { s: 3 }],
    misses: [{ s: 'xab' }, { s: 'ZZ' }, { s: '3' }, {}],
  },
  {
    name: 'booleans are not numbers',
    filter: { b: { $in: [true] } },
    matches: [{ b: true }, { b: [false, true] }],
    misses: [{ b: 1 }, { b: 'true' }, { b: false }],
  },
  {
    name: 'dates by instant, never as numbers',
    filter: { d: { $in: [new Date(day.getTime())] } },
    matches: [{ d: day }, { d: [new Date(0), day] }],
    misses: [{ d: day.getTime() }, { d: day.toISOString() }, { d: new Date(0) }],
  },
  {
    name: 'Decimal128 in the list is compared by value',
    filter: { n: { $in: [Decimal128.fromString('2.50')] } },
    matches: [{ n: 2.5 }, { n: Decimal128.fromString('2.5') }],
    misses: [{ n: 2 }, { n: '2.5' }],
  },
  {
    name: 'an empty list matches nothing',
    filter: { a: { $in: [] } },
    matches: [],
    misses: [{}, { a: null }, { a: [] }, { a: 1 }],
  },
];

describe('$in and $nin give MongoDB’s answers', () => {
  it.each(CASES)('matches as MongoDB does: $name', ({ filter, matches, misses }) => {
    const compiled = compileFilter(filter);
    for (const doc of matches) expect(compiled.test(doc), JSON.stringify(doc)).toBe(true);
    for (const doc of misses) expect(compiled.test(doc), JSON.stringify(doc)).toBe(false);
  });

  it.each(CASES)('negated as MongoDB does: $name', ({ filter, matches, misses }) => {
    const [field, cond] = Object.entries(filter)[0] as [string, { $in: unknown[] }];
    const compiled = compileFilter({ [field]: { $nin: cond.$in } });
    for (const doc of matches) expect(compiled.test(doc), JSON.stringify(doc)).toBe(false);
    for (const doc of misses) expect(compiled.test(doc), JSON.stringify(doc)).toBe(true);
  });

  it('rejects a list that is not an array', () => {
    expect(() => compileFilter({ a: { $in: 1 } })).toThrow(/\$in needs an array/);
    expect(() => compileFilter({ a: { $nin: 'x' } })).toThrow(/\$nin needs an array/);
  });
});
