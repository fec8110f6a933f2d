import { existsSync, symlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreClosedError, StoreFailedError } from '../../../server/db/engine/storage/store-errors.js';
import { openCollecting, range, seqs, useTempDirs } from './store-test-helpers.js';

const newTempDir = useTempDirs();

afterEach(() => {
  vi.restoreAllMocks();
});

async function fileHandlePrototype(path: string): Promise<FileHandle> {
  const handle = await open(path, 'r');
  await handle.close();
  return Object.getPrototypeOf(handle) as FileHandle;
}

describe('after close()', () => {
  it('append, compact and updateLockInfo reject with a clear error; close is idempotent', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    await store.close();
    await expect(store.append({ seq: 1 })).rejects.toThrow(StoreClosedError);
    await expect(store.append({ seq: 1 })).rejects.toThrow(/is closed/);
    await expect(store.compact(() => [])).rejects.toThrow(StoreClosedError);
    await expect(store.updateLockInfo({ uri: 'mongodb://x' })).rejects.toThrow(StoreClosedError);
    await expect(store.close()).resolves.toBeUndefined();
    expect(existsSync(join(dataDir, 'LOCK'))).toBe(false);
  });
});

describe('a failed fsync', () => {
  it('rejects every waiting append, acknowledges nothing after it, and fails the store', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    await store.append({ seq: 0 });

    const proto = await fileHandlePrototype(join(dataDir, 'journal-1.log'));
    vi.spyOn(proto, 'datasync').mockRejectedValueOnce(
      Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }),
    );
    const results = await Promise.allSettled(range(1, 41).map((seq) => store.append({ seq })));

    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    const reason = (results[0] as PromiseRejectedResult).reason as StoreFailedError;
    expect(reason).toBeInstanceOf(StoreFailedError);
    expect(reason.message).toMatch(/EIO/);
    expect(store.failure).toBe(reason);
    await expect(store.append({ seq: 99 })).rejects.toBe(reason);
    await expect(store.compact(() => [])).rejects.toBe(reason);
    await store.close();

    // Only the acknowledged record is guaranteed; the failed round may or may not have reached the disk.
    const { store: reopened, replayed } = await openCollecting(dataDir);
    await reopened.close();
    expect(seqs(replayed)[0]).toBe(0);
  });

  it('rejects appends queued behind the failing round too', async () => {
    const { store } = await openCollecting(newTempDir());
    await store.append({ seq: 0 });
    const proto = await fileHandlePrototype(join(store.dataDir, 'journal-1.log'));
    let releaseSync: (() => void) | undefined;
    vi.spyOn(proto, 'datasync').mockImplementationOnce(
      () =>
        new Promise<void>((_, reject) => {
          releaseSync = () =>
            reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
        }),
    );
    const first = store.append({ seq: 1 });
    await vi.waitFor(() => expect(releaseSync).toBeDefined());
    const queued = range(2, 12).map((seq) => store.append({ seq }));
    releaseSync!();
    await expect(first).rejects.toThrow(StoreFailedError);
    for (const append of queued) await expect(append).rejects.toThrow(/ENOSPC/);
    await store.close();
  });
});

describe.skipIf(!existsSync('/dev/full'))('a full disk', () => {
  it('makes append reject instead of acknowledging', async () => {
    const dataDir = newTempDir();
    symlinkSync('/dev/full', join(dataDir, 'journal-1.log'));
    const { store } = await openCollecting(dataDir);
    await expect(store.append({ seq: 1 })).rejects.toThrow(/ENOSPC/);
    expect(store.failure).toBeInstanceOf(StoreFailedError);
    await store.close();
  });
});
