import { existsSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'bson';
import { describe, expect, it } from 'vitest';
import type { CompactionStep, LocalDurableStore } from '../../../server/db/engine/storage/store-options.js';
import {
  copyDataDir,
  openCollecting,
  range,
  recordingLogger,
  seqs,
  useTempDirs,
} from './store-test-helpers.js';

const newTempDir = useTempDirs();

/** A stand-in engine whose whole state is the ordered list of records it applied. */
class LogEngine {
  readonly log: Document[] = [];
  constructor(readonly store: LocalDurableStore) {}
  async write(seq: number): Promise<void> {
    const record = { seq, body: `antwoord ${seq}`.repeat(3) };
    this.log.push(record);
    await this.store.append(record);
  }
  compact(): Promise<void> {
    return this.store.compact(() => this.log);
  }
}

const dataFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name !== 'LOCK')
    .sort();

describe('compaction', () => {
  it('replaces the journal with a snapshot and reopens to the same records', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    const engine = new LogEngine(store);
    for (const seq of range(0, 100)) await engine.write(seq);
    const before = store.journalBytes;
    await engine.compact();
    expect(store.generation).toBe(2);
    expect(store.journalBytes).toBeLessThan(before);
    for (const seq of range(100, 110)) await engine.write(seq);
    await engine.compact();
    await engine.write(110);
    expect(store.stats.compactions).toBe(2);
    await store.close();

    expect(dataFiles(dataDir)).toEqual(['journal-3.log', 'snapshot-3.bson']);
    const reopened = await openCollecting(dataDir);
    await reopened.store.close();
    expect(seqs(reopened.replayed)).toEqual(range(0, 111));
    expect(reopened.store.stats.replay).toMatchObject({ snapshotRecords: 110, journalRecords: 1 });
  });

  it('keeps appends made during compaction, in order, exactly once', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    const engine = new LogEngine(store);
    await Promise.all(range(0, 500).map((seq) => engine.write(seq)));
    const compactions = [engine.compact(), engine.compact(), engine.compact()];
    expect(store.compacting).toBe(true);
    const writes = range(500, 1000).map((seq) => engine.write(seq));
    await Promise.all([...compactions, ...writes]);
    await store.close();

    expect(store.stats.compactions).toBe(3);
    expect(store.compacting).toBe(false);
    const reopened = await openCollecting(dataDir);
    await reopened.store.close();
    expect(seqs(reopened.replayed)).toEqual(range(0, 1000));
  });

  it('cuts exactly between snapshot and new journal while writers keep going', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    const engine = new LogEngine(store);
    let nextSeq = 0;
    let acked = 0;
    let compacting = true;
    // Writers yield to the event loop between writes so that writes land at every point of a compaction.
    const writers = range(0, 8).map(async () => {
      while (compacting) {
        await engine.write(nextSeq++);
        acked += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    const crashStates: { dir: string; acked: number; log: number[] }[] = [];
    for (const round of range(0, 10)) {
      await engine.compact();
      // The moment right after a compaction, with writes still in flight, as a crash would leave it.
      const dir = `${dataDir}-after-${round}`;
      copyDataDir(dataDir, dir);
      crashStates.push({ dir, acked, log: seqs(engine.log) });
    }
    compacting = false;
    await Promise.all(writers);
    await store.close();

    for (const state of crashStates) {
      try {
        const reopened = await openCollecting(state.dir);
        await reopened.store.close();
        const replayed = seqs(reopened.replayed);
        // Rounds are written in order, so what is on disk is always a prefix of what was appended.
        expect(replayed).toEqual(state.log.slice(0, replayed.length));
        expect(replayed.length).toBeGreaterThanOrEqual(state.acked);
      } finally {
        rmSync(state.dir, { recursive: true, force: true });
      }
    }
    const reopened = await openCollecting(dataDir);
    await reopened.store.close();
    expect(seqs(reopened.replayed)).toEqual(range(0, nextSeq));
  });

  it('leaves a usable store when records() throws', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    await store.append({ seq: 0 });
    await expect(
      store.compact(() => {
        throw new Error('engine could not list its state');
      }),
    ).rejects.toThrow('engine could not list');
    await store.append({ seq: 1 });
    await store.compact(() => [{ seq: 0 }, { seq: 1 }]);
    await store.close();
    const reopened = await openCollecting(dataDir);
    await reopened.store.close();
    expect(seqs(reopened.replayed)).toEqual([0, 1]);
  });
});

describe('a crash at any step of compaction', () => {
  it('reopens to exactly the acknowledged records from every intermediate state', async () => {
    const dataDir = newTempDir();
    const crashStates: { label: string; dir: string; expected: number[] }[] = [];
    // The hook needs the engine, the engine needs the store the hook is passed to.
    const ref: { engine?: LogEngine } = {};
    let round = 0;
    let nextSeq = 0;
    const onCompactionStep = async (step: CompactionStep) => {
      // A write at every step puts records in both journals, before and after the switch.
      await ref.engine!.write(nextSeq++);
      const label = `compaction ${round}, ${step}`;
      const dir = `${dataDir}-crash-${round}-${step}`;
      copyDataDir(dataDir, dir);
      crashStates.push({ label, dir, expected: seqs(ref.engine!.log) });
    };
    const { store } = await openCollecting(dataDir, { onCompactionStep });
    const engine = (ref.engine = new LogEngine(store));
    for (round = 1; round <= 2; round += 1) {
      for (const _ of range(0, 50)) await engine.write(nextSeq++);
      await engine.compact();
    }
    await store.close();

    const steps = new Set(crashStates.map((state) => state.label.split(', ')[1]));
    expect([...steps].sort()).toEqual(
      [
        'journal-created',
        'journal-switched',
        'snapshot-partially-written',
        'snapshot-written',
        'snapshot-renamed',
        'old-journal-deleted',
        'old-snapshot-deleted',
        'done',
      ].sort(),
    );
    for (const state of crashStates) {
      try {
        const reopened = await openCollecting(state.dir);
        await reopened.store.close();
        expect(seqs(reopened.replayed), state.label).toEqual(state.expected);
        expect(
          dataFiles(state.dir).filter((name) => name.endsWith('.tmp')),
          state.label,
        ).toEqual([]);
      } finally {
        rmSync(state.dir, { recursive: true, force: true });
      }
    }
  });

  it('falls back to the previous generation when the newest snapshot is damaged', async () => {
    const dataDir = newTempDir();
    const crashDir = `${dataDir}-renamed`;
    const { store } = await openCollecting(dataDir, {
      onCompactionStep: (step) => {
        if (step === 'snapshot-renamed') copyDataDir(dataDir, crashDir);
      },
    });
    const engine = new LogEngine(store);
    for (const seq of range(0, 30)) await engine.write(seq);
    await engine.compact();
    await store.close();
    try {
      // The copy holds journal-1, journal-2 and snapshot-2; cut the snapshot short.
      truncateSync(join(crashDir, 'snapshot-2.bson'), 100);
      const { entries, logger } = recordingLogger();
      const reopened = await openCollecting(crashDir, { logger });
      await reopened.store.close();
      expect(seqs(reopened.replayed)).toEqual(range(0, 30));
      expect(entries.some((entry) => entry.level === 'error' && /damaged/.test(entry.msg ?? ''))).toBe(true);
      expect(dataFiles(crashDir).some((name) => name.startsWith('snapshot-2.bson.corrupt-'))).toBe(true);
    } finally {
      rmSync(crashDir, { recursive: true, force: true });
    }
  });

  it('removes a leftover temporary snapshot and ignores unknown files', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    await store.append({ seq: 1 });
    await store.close();
    writeFileSync(join(dataDir, 'snapshot-2.tmp'), 'half a snapshot');
    writeFileSync(join(dataDir, 'README.txt'), 'not ours');
    const reopened = await openCollecting(dataDir);
    await reopened.store.close();
    expect(seqs(reopened.replayed)).toEqual([1]);
    expect(existsSync(join(dataDir, 'snapshot-2.tmp'))).toBe(false);
    expect(existsSync(join(dataDir, 'README.txt'))).toBe(true);
  });

  it('refuses to open when the journals needed after the newest snapshot are gone', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    await store.append({ seq: 1 });
    await store.compact(() => [{ seq: 1 }]);
    await store.close();
    rmSync(join(dataDir, 'journal-2.log'));
    await expect(openCollecting(dataDir)).rejects.toThrow(/no usable snapshot/);
  });
});
