import { describe, expect, it } from 'vitest';
import { openCollecting, range, seqs, useTempDirs } from './store-test-helpers.js';

const newTempDir = useTempDirs();

describe('group commit', () => {
  it('200 concurrent appends share a handful of fsyncs and all survive a reopen in order', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    await Promise.all(range(0, 200).map((seq) => store.append({ seq })));
    const { appends, fsyncs, largestBatch } = store.stats;
    await store.close();

    expect(appends).toBe(200);
    expect(fsyncs).toBeLessThanOrEqual(5);
    expect(largestBatch).toBeGreaterThanOrEqual(50);
    const reopened = await openCollecting(dataDir);
    await reopened.store.close();
    expect(seqs(reopened.replayed)).toEqual(range(0, 200));
  });

  it('appends arriving while an fsync is in flight form the next round', async () => {
    const { store } = await openCollecting(newTempDir());
    const waves = range(0, 10).map(async (wave) => {
      // Staggered across event-loop turns, like requests arriving over the network.
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(range(0, 20).map((i) => store.append({ seq: wave * 20 + i })));
    });
    await Promise.all(waves);
    expect(store.stats.appends).toBe(200);
    expect(store.stats.fsyncs).toBeLessThan(50);
    await store.close();
  });

  it('sequential appends are each fsynced before they resolve', async () => {
    const { store } = await openCollecting(newTempDir());
    for (const seq of range(0, 20)) {
      await store.append({ seq });
      expect(store.stats.fsyncs).toBe(seq + 1);
    }
    await store.close();
  });

  it('journalBytes counts queued and written frames of the current journal', async () => {
    const { store } = await openCollecting(newTempDir());
    expect(store.journalBytes).toBe(0);
    const pending = store.append({ seq: 1 });
    const queued = store.journalBytes;
    expect(queued).toBeGreaterThan(8);
    await pending;
    expect(store.journalBytes).toBe(queued);
    await store.compact(() => [{ seq: 1 }]);
    expect(store.journalBytes).toBe(0);
    await store.close();
  });

  it('close() waits for pending appends', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    const appends = range(0, 50).map((seq) => store.append({ seq }));
    await store.close();
    await expect(Promise.all(appends)).resolves.toHaveLength(50);
    const reopened = await openCollecting(dataDir);
    await reopened.store.close();
    expect(reopened.replayed).toHaveLength(50);
  });
});
