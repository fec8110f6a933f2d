import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../../server/db/engine/storage/durable-store.js';
import { openCollecting, range, recordingLogger, useTempDirs } from './store-test-helpers.js';

const newTempDir = useTempDirs();
const lockChild = fileURLToPath(new URL('./fixtures/lock-child.ts', import.meta.url));
const childArgs = (...args: string[]) => ['--import', 'tsx', lockChild, ...args];

const readLock = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, 'LOCK'), 'utf8')) as Record<string, unknown>;

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('data directory lock', () => {
  it('rejects a second open in the same process with the uri from updateLockInfo', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    await store.updateLockInfo({ uri: 'mongodb://127.0.0.1:27123' });
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, uri: 'mongodb://127.0.0.1:27123' });

    const attempt = openCollecting(dataDir);
    await expect(attempt).rejects.toThrow(DataDirLockedError);
    const error = (await attempt.catch((e: unknown) => e)) as DataDirLockedError;
    expect(error.uri).toBe('mongodb://127.0.0.1:27123');
    expect(error.lock.pid).toBe(process.pid);

    // Another spelling of the same directory is the same directory.
    const alias = join(newTempDir(), 'alias');
    symlinkSync(dataDir, alias);
    await expect(openCollecting(alias)).rejects.toThrow(DataDirLockedError);

    await store.close();
    expect(existsSync(join(dataDir, 'LOCK'))).toBe(false);
    const again = await openCollecting(dataDir);
    await again.store.close();
  });

  it('lets exactly one of two simultaneous opens in one process win', async () => {
    const dataDir = newTempDir();
    const results = await Promise.allSettled([openCollecting(dataDir), openCollecting(dataDir)]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(DataDirLockedError);
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid });
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof openCollecting>>>).value.store.close();
  });

  it('keeps the lock file whole under concurrent updates', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    const uris = range(0, 20).map((port) => `mongodb://127.0.0.1:${27000 + port}`);
    await Promise.all(uris.map((uri) => store.updateLockInfo({ uri })));
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, uri: uris.at(-1) });
    await store.close();
  });

  it('rejects an open from another process while we hold it', async () => {
    const dataDir = newTempDir();
    const { store } = await openCollecting(dataDir);
    await store.updateLockInfo({ uri: 'mongodb://127.0.0.1:27124' });
    const child = spawnSync(process.execPath, childArgs('try', dataDir), { encoding: 'utf8' });
    await store.close();
    expect(JSON.parse(child.stdout)).toEqual({
      opened: false,
      locked: true,
      uri: 'mongodb://127.0.0.1:27124',
      pid: process.pid,
    });
  });

  it('rejects our open while another live process holds it', async () => {
    const dataDir = newTempDir();
    const child = spawn(process.execPath, childArgs('hold', dataDir, 'mongodb://127.0.0.1:27125'), {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      for await (const line of lines) if (line === 'ready') break;
      const attempt = openCollecting(dataDir);
      await expect(attempt).rejects.toThrow(DataDirLockedError);
      const error = (await attempt.catch((e: unknown) => e)) as DataDirLockedError;
      expect(error).toMatchObject({ uri: 'mongodb://127.0.0.1:27125', lock: { pid: child.pid } });
      expect(error.message).toContain('mongodb://127.0.0.1:27125');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    }
    expect(existsSync(join(dataDir, 'LOCK'))).toBe(false);
  });

  it.each([
    {
      name: 'a dead process',
      content: () => JSON.stringify({ pid: deadPid(), startedAt: '2024-01-01T00:00:00Z' }),
    },
    {
      name: 'an earlier incarnation with our own pid (containers reuse pids)',
      content: () => JSON.stringify({ pid: process.pid, startedAt: '2024-01-01T00:00:00Z' }),
    },
    { name: 'a crash while the lock was being written', content: () => '' },
  ])('takes over a stale lock left by $name, with a warning', async ({ content }) => {
    const dataDir = newTempDir();
    writeFileSync(join(dataDir, 'LOCK'), content());
    const { entries, logger } = recordingLogger();
    const { store } = await openCollecting(dataDir, { logger });
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid });
    expect(entries.some((entry) => entry.level === 'warn' && /stale/.test(entry.msg ?? ''))).toBe(true);
    await store.close();
    expect(existsSync(join(dataDir, 'LOCK'))).toBe(false);
  });
});
