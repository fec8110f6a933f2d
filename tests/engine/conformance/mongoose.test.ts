import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection, Schema } from 'mongoose';
import { openTarget, type Target } from '../target.js';

let target: Target;
let conn: Connection;

beforeAll(async () => {
  target = await openTarget('mongoose');
  conn = await mongoose
    .createConnection(target.uri, { dbName: target.dbName, writeConcern: { w: 'majority', j: true } })
    .asPromise();
});

afterAll(async () => {
  await conn?.close();
  await target?.close();
});

describe('Mongoose models', () => {
  it('creates, queries, populates, updates and deletes', async () => {
    const Org = conn.model('Org', new Schema({ name: { type: String, required: true, index: true } }));
    const Person = conn.model(
      'Person',
      new Schema(
        {
          name: String,
          age: Number,
          org: { type: Schema.Types.ObjectId, ref: 'Org' },
          tags: [String],
          at: Date,
        },
        { timestamps: true },
      ),
    );
    await Promise.all([Org.init(), Person.init()]);
    const org = await Org.create({ name: 'STJ' });
    await Person.insertMany([
      { name: 'A', age: 30, org: org._id, tags: ['x'] },
      { name: 'B', age: 40, org: org._id },
      { name: 'C', age: 50 },
    ]);
    const people = await Person.find({ age: { $gte: 40 } })
      .sort({ age: -1 })
      .populate('org')
      .lean();
    expect(people.map((p) => p.name)).toEqual(['C', 'B']);
    expect((people[1]?.org as unknown as { name: string }).name).toBe('STJ');

    const updated = await Person.findOneAndUpdate(
      { name: 'A' },
      { $push: { tags: 'y' } },
      { returnDocument: 'after' },
    ).lean();
    expect(updated?.tags).toEqual(['x', 'y']);
    expect(updated?.updatedAt).toBeInstanceOf(Date);

    const doc = await Person.findOne({ name: 'B' }).orFail();
    doc.age = 41;
    await doc.save();
    expect((await Person.findById(doc._id).lean())?.age).toBe(41);

    expect(await Person.countDocuments({ org: org._id })).toBe(2);
    expect(await Person.estimatedDocumentCount()).toBe(3);
    expect((await Person.distinct('name')).sort()).toEqual(['A', 'B', 'C']);
    await Person.deleteOne({ name: 'C' });
    expect(await Person.exists({ name: 'C' })).toBeNull();

    const stream: string[] = [];
    for await (const p of Person.find().sort({ name: 1 }).cursor({ batchSize: 1 }))
      stream.push(p.name as string);
    expect(stream).toEqual(['A', 'B']);

    const indexes = await Org.listIndexes();
    expect(indexes.map((i) => i.name)).toContain('name_1');
    await Org.syncIndexes();
  });

  it('pipeline updates with updatePipeline', async () => {
    const Counter = conn.model('Counter', new Schema({ a: Number, b: Number, sum: Number }));
    const c = await Counter.create({ a: 1, b: 2 });
    await Counter.updateOne({ _id: c._id }, [{ $set: { sum: { $add: ['$a', '$b'] } } }], {
      updatePipeline: true,
    });
    expect((await Counter.findById(c._id).lean())?.sum).toBe(3);
  });
});
