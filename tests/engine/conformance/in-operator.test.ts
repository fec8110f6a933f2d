// `$in` over the wire on indexed fields, as the overview uses it: long id lists, compound index
// prefixes, numeric type mixes and null. Holds against a real MongoDB too (MONGODB_URI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Double, Int32, Long, MongoClient, ObjectId, type Collection, type Db } from 'mongodb';
import { openTarget, type Target } from '../target.js';

let target: Target;
let client: MongoClient;
let db: Db;
let respondents: Collection;
let responses: Collection;
const investigations = Array.from({ length: 300 }, () => new ObjectId());
const respondentIds: ObjectId[] = [];

beforeAll(async () => {
  target = await openTarget('in');
  client = await MongoClient.connect(target.uri);
  db = client.db(target.dbName);
  respondents = db.collection('respondents');
  responses = db.collection('responses');
  await respondents.createIndex({ investigation: 1, slot: 1 }, { unique: true });
  await responses.createIndex({ respondent: 1 }, { unique: true });
  const rows = investigations.flatMap((investigation) =>
    [0, 1, 2, 3, 4].map((slot) => ({ _id: new ObjectId(), investigation, slot })),
  );
  respondentIds.push(...rows.map((r) => r._id));
  await respondents.insertMany(rows);
  await responses.insertMany(respondentIds.slice(0, 1200).map((respondent, i) => ({ respondent, n: i })));
  await responses.insertMany([
    { respondent: 'plain', n: new Int32(7) },
    { respondent: 'long', n: Long.fromNumber(7) },
    { respondent: 'double', n: new Double(7.0) },
    { respondent: 'null', n: null },
    { respondent: 'array', n: [1, 7, 9] },
    { n: 'missing respondent' },
  ]);
});

afterAll(async () => {
  await client?.close();
  await target?.close();
});

describe('$in on indexed fields', () => {
  it('answers a compound index prefix with hundreds of ids', async () => {
    const some = investigations.filter((_, i) => i % 4 !== 0);
    expect(await respondents.countDocuments({ investigation: { $in: some } })).toBe(some.length * 5);
    expect(await respondents.countDocuments({ investigation: investigations[3] })).toBe(5);
    const found = await respondents
      .find({ investigation: { $in: [investigations[5], investigations[5], new ObjectId()] } })
      .toArray();
    expect(found.map((r) => r.slot as number).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('answers more than 1,000 ids from a unique index, absent ids included', async () => {
    const wanted = [...respondentIds, ...Array.from({ length: 200 }, () => new ObjectId())];
    expect(wanted.length).toBeGreaterThan(1000);
    const found = await responses.find({ respondent: { $in: wanted } }, { projection: { n: 1 } }).toArray();
    expect(found).toHaveLength(1200);
    expect(new Set(found.map((r) => r.n as number)).size).toBe(1200);
    expect(await responses.countDocuments({ respondent: { $nin: wanted } })).toBe(6);
  });

  it('compares numbers across types and matches null with missing fields and array elements', async () => {
    // Only the named documents (the 1,200 numbered ones have ObjectId respondents).
    const names = async (filter: object) =>
      (await responses.find({ $and: [filter, { respondent: { $not: { $type: 'objectId' } } }] }).toArray())
        .map((r) => String(r.respondent))
        .sort();
    expect(await names({ n: { $in: [7] } })).toEqual(['array', 'double', 'long', 'plain']);
    expect(await names({ n: { $in: [Long.fromNumber(9), 'x'] } })).toEqual(['array']);
    expect(await names({ respondent: { $in: [null, 'long'] } })).toEqual(['long', 'undefined']);
    expect(await names({ n: { $in: [null], $exists: true } })).toEqual(['null']);
  });
});
