import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../server/db/engine/storage/record-codec.js';
import { StoreCorruptError } from '../../../server/db/engine/storage/store-errors.js';
import { openCollecting, range, recordingLogger, seqs, useTempDirs } from './store-test-helpers.js';

const newTempDir = useTempDirs();

async function journalWith(count: number): Promise<{ dataDir: string; journal: string; size: number }> {
  const dataDir = newTempDir();
  const { store } = await openCollecting(dataDir);
  for (const seq of range(0, count)) await store.append({ seq, text: `antwoord ${seq}` });
  await store.close();
  const journal = join(dataDir, 'journal-1.log');
  return { dataDir, journal, size: statSync(journal).size };
}

const nextFrame = encodeFrame({ seq: 99, text: 'never acknowledged' });

describe('torn journal tail', () => {
  const tails: { name: string; tear: (journal: string, size: number) => void }[] = [
    { name: 'a partial frame header', tear: (j) => appendFileSync(j, nextFrame.subarray(0, 3)) },
    { name: 'a header without its payload', tear: (j) => appendFileSync(j, nextFrame.subarray(0, 8)) },
    { name: 'half a frame', tear: (j) => appendFileSync(j, nextFrame.subarray(0, 20)) },
    { name: 'zero bytes (extended, never written)', tear: (j) => appendFileSync(j, Buffer.alloc(4096)) },
    {
      name: 'a complete frame with a bad checksum',
      tear: (j) => {
        const bad = Buffer.from(nextFrame);
        bad[bad.length - 3]! ^= 0xff;
        appendFileSync(j, bad);
      },
    },
    {
      name: 'a frame whose length runs past the end of the file',
      tear: (j) => {
        const bad = Buffer.from(nextFrame);
        bad.writeUInt32LE(10_000, 0);
        appendFileSync(j, bad);
      },
    },
  ];

  it.each(tails)('is cut off when the journal ends in $name', async ({ tear }) => {
    const { dataDir, journal, size } = await journalWith(10);
    tear(journal, size);
    const { entries, logger } = recordingLogger();

    const { store, replayed } = await openCollecting(dataDir, { logger });
    expect(seqs(replayed)).toEqual(range(0, 10));
    expect(statSync(journal).size).toBe(size);
    expect(store.stats.replay.truncatedBytes).toBeGreaterThan(0);
    expect(entries.some((entry) => entry.level === 'warn' && /torn journal tail/.test(entry.msg ?? ''))).toBe(
      true,
    );

    // The repaired journal takes new appends right where the good data ends.
    await store.append({ seq: 10 });
    await store.close();
    const reopened = await openCollecting(dataDir);
    await reopened.store.close();
    expect(seqs(reopened.replayed)).toEqual(range(0, 11));
  });
});

describe('damage in the middle of a journal', () => {
  it.each([
    { name: 'a flipped payload byte', offsetInFile: (size: number) => Math.floor(size / 2) },
    { name: 'a flipped length byte of the first frame', offsetInFile: () => 0 },
    { name: 'a flipped checksum byte', offsetInFile: () => 5 },
  ])('refuses to open after $name and leaves the file untouched', async ({ offsetInFile }) => {
    const { dataDir, journal, size } = await journalWith(20);
    const bytes = readFileSync(journal);
    bytes[offsetInFile(size)]! ^= 0x5a;
    writeFileSync(journal, bytes);

    await expect(openCollecting(dataDir)).rejects.toThrow(StoreCorruptError);
    await expect(openCollecting(dataDir)).rejects.toThrow(/intact record follows/);
    expect(readFileSync(journal).equals(bytes)).toBe(true);
  });

  it('refuses a torn tail in an older journal when a newer journal holds records', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir, {
      // Abort the compaction right after the switch: journal-2 is in use, no snapshot-2 exists.
      onCompactionStep: (step) => {
        if (step === 'journal-switched') throw new Error('disk full');
      },
    });
    await store.append({ seq: 0 });
    await expect(store.compact(() => [{ seq: 0 }])).rejects.toThrow('disk full');
    await store.append({ seq: 1 });
    await store.close();
    expect(statSync(join(dataDir, 'journal-2.log')).size).toBeGreaterThan(0);
    appendFileSync(join(dataDir, 'journal-1.log'), nextFrame.subarray(0, 5));

    await expect(openCollecting(dataDir)).rejects.toThrow(/newer journal/);
  });
});

describe('start-up', () => {
  it('creates a missing data directory, including its parents', async () => {
    const dataDir = join(newTempDir(), 'a', 'b', 'data');
    const { store, replayed } = await openCollecting(dataDir);
    await store.append({ seq: 1 });
    await store.close();
    expect(replayed).toEqual([]);
    expect(statSync(join(dataDir, 'journal-1.log')).size).toBeGreaterThan(0);
  });

  it('lets an exception from the replay callback fail the open and release the lock', async () => {
    const { dataDir } = await journalWith(3);
    const { openDurableStore } = await import('../../../server/db/engine/storage/open-durable-store.js');
    await expect(
      openDurableStore({ dataDir }, () => {
        throw new Error('engine rejected a record');
      }),
    ).rejects.toThrow('engine rejected a record');
    const { store, replayed } = await openCollecting(dataDir);
    await store.close();
    expect(replayed).toHaveLength(3);
  });
});
