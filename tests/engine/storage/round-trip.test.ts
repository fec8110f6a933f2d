import { Binary, Double, Int32, Long, ObjectId, serialize, type Document } from 'bson';
import { describe, expect, it } from 'vitest';
import { openCollecting, useTempDirs } from './store-test-helpers.js';

const newTempDir = useTempDirs();

const objectId = new ObjectId('65f1a2b3c4d5e6f708192a3b');
const cases: { name: string; value: unknown; check: (value: unknown) => void }[] = [
  { name: 'ObjectId', value: objectId, check: (v) => expect((v as ObjectId).equals(objectId)).toBe(true) },
  {
    name: 'Date',
    value: new Date('2024-03-01T12:34:56.789Z'),
    check: (v) => expect((v as Date).toISOString()).toBe('2024-03-01T12:34:56.789Z'),
  },
  {
    name: 'string with unicode',
    value: 'Doorzettingsmacht ✓ — geregeld',
    check: (v) => expect(v).toBe('Doorzettingsmacht ✓ — geregeld'),
  },
  { name: 'Int32', value: new Int32(42), check: (v) => expect(v).toEqual(new Int32(42)) },
  { name: 'plain integer (int32)', value: 7, check: (v) => expect(v).toEqual(new Int32(7)) },
  { name: 'Long (small)', value: Long.fromNumber(5), check: (v) => expect(v).toEqual(Long.fromNumber(5)) },
  {
    name: 'Long (beyond 2^53)',
    value: Long.fromString('9007199254740993'),
    check: (v) => expect((v as Long).toString()).toBe('9007199254740993'),
  },
  { name: 'Double 1.0', value: new Double(1), check: (v) => expect(v).toEqual(new Double(1)) },
  {
    name: 'Double -0',
    value: new Double(-0),
    check: (v) => expect(Object.is((v as Double).value, -0)).toBe(true),
  },
  { name: 'fractional number', value: 2.5, check: (v) => expect(v).toEqual(new Double(2.5)) },
  { name: 'true', value: true, check: (v) => expect(v).toBe(true) },
  { name: 'false', value: false, check: (v) => expect(v).toBe(false) },
  { name: 'null', value: null, check: (v) => expect(v).toBeNull() },
  {
    name: 'Binary (UUID subtype)',
    value: new Binary(Buffer.from('00112233445566778899aabbccddeeff', 'hex'), 4),
    check: (v) => {
      expect((v as Binary).sub_type).toBe(4);
      expect(Buffer.from((v as Binary).buffer).toString('hex')).toBe('00112233445566778899aabbccddeeff');
    },
  },
  {
    name: 'array of mixed values',
    value: [1, new Double(2), 'drie', [new Int32(4)]],
    check: (v) => expect(v).toEqual([new Int32(1), new Double(2), 'drie', [new Int32(4)]]),
  },
  {
    name: 'nested document with $-keys',
    value: { $set: { 'answers.q1': 'ja' }, inner: { deeper: { n: Long.fromNumber(3) } } },
    check: (v) =>
      expect(v).toEqual({ $set: { 'answers.q1': 'ja' }, inner: { deeper: { n: Long.fromNumber(3) } } }),
  },
];

describe('records round-trip exactly', () => {
  for (const via of ['journal', 'snapshot'] as const) {
    it.each(cases)(`$name via the ${via}`, async ({ value, check }) => {
      const dataDir = newTempDir();
      const record: Document = { seq: 1, value };
      const first = await openCollecting(dataDir);
      await first.store.append(record);
      if (via === 'snapshot') await first.store.compact(() => [record]);
      await first.store.close();

      const { store, replayed } = await openCollecting(dataDir);
      await store.close();
      expect(replayed).toHaveLength(1);
      check(replayed[0]!['value']);
      // Byte equality proves no type changed on the way (Int32 vs Double, Long vs number).
      expect(Buffer.from(serialize(replayed[0]!)).equals(Buffer.from(serialize(record)))).toBe(true);
    });
  }
});

describe('records larger than a read chunk', () => {
  it('replays multi-megabyte records and files spanning many read buffers, from journal and snapshot', async () => {
    const dataDir = newTempDir();
    const big = (seq: number, bytes: number) => ({ seq, blob: new Binary(Buffer.alloc(bytes, seq % 251)) });
    const records = [
      big(0, 5 * 1024 * 1024),
      ...Array.from({ length: 3000 }, (_, i) => big(i + 1, 3000)),
      big(3001, 9 * 1024 * 1024),
    ];
    const first = await openCollecting(dataDir);
    await Promise.all(records.map((record) => first.store.append(record)));
    await first.store.close();

    const fromJournal = await openCollecting(dataDir);
    await fromJournal.store.compact(() => records);
    await fromJournal.store.close();
    const fromSnapshot = await openCollecting(dataDir);
    await fromSnapshot.store.close();

    for (const replayed of [fromJournal.replayed, fromSnapshot.replayed]) {
      expect(replayed).toHaveLength(records.length);
      replayed.forEach((record, index) => {
        expect(Buffer.from(serialize(record)).equals(Buffer.from(serialize(records[index]!)))).toBe(true);
      });
    }
  });
});
