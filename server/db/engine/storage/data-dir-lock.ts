import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataDirLockedError, type LockInfo } from './durable-store.js';
import { errnoCode, fsyncDirectory } from './fs-util.js';
import type { StoreLogger } from './store-options.js';

const LOCK_FILE = 'LOCK';

/**
 * Data directories held by this process, shared across module instances (test runners load modules
 * more than once). Needed because a lock naming our own pid is not necessarily ours: in a container the
 * server is pid 1 after every restart, so the pid alone would lock us out after a crash.
 */
const heldDirs: Set<string> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('durable-store.held-dirs')
] ??= new Set<string>()) as Set<string>;

export class DataDirLock {
  /** Updates share one temporary file name and must not interleave; release waits for them too. */
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private current: LockInfo,
  ) {}

  get info(): LockInfo {
    return { ...this.current };
  }

  /** `dir` must exist and be an absolute, resolved path (it keys the in-process registry). */
  static async acquire(dir: string, logger?: StoreLogger): Promise<DataDirLock> {
    const path = join(dir, LOCK_FILE);
    const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
    if (heldDirs.has(dir)) throw new DataDirLockedError(dir, (await readLock(path))?.info ?? info);
    // Reserved before the first await: a concurrent open in this process must see the directory as
    // taken, not find a lock file with our pid and mistake it for a stale one.
    heldDirs.add(dir);
    try {
      // Each round either creates the file, throws for a live owner, or removes a stale file; a few
      // rounds only happen when several processes race for a stale directory at once.
      for (let round = 0; round < 5; round += 1) {
        if (await createExclusive(path, info)) return new DataDirLock(dir, info);
        const existing = await readLock(path);
        if (!existing) continue;
        if (existing.info && isAlive(existing.info.pid)) throw new DataDirLockedError(dir, existing.info);
        logger?.warn(
          { dataDir: dir, staleLock: existing.info ?? existing.raw },
          'taking over a stale data directory lock',
        );
        await removeStaleLock(path, existing.raw);
      }
      throw new Error(`Could not lock data directory ${dir}: the lock file keeps changing`);
    } catch (error) {
      heldDirs.delete(dir);
      throw error;
    }
  }

  /** Atomic replace, so a reader never sees a half-written lock. The pid stays ours. */
  update(partial: Partial<LockInfo>): Promise<void> {
    const run = this.writes.then(() => this.replace(partial));
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async replace(partial: Partial<LockInfo>): Promise<void> {
    const next: LockInfo = { ...this.current, ...partial, pid: process.pid };
    const path = join(this.dir, LOCK_FILE);
    const tmp = `${path}.${process.pid}.tmp`;
    await writeDurably(tmp, next, 'w');
    await rename(tmp, path);
    await fsyncDirectory(this.dir);
    this.current = next;
  }

  async release(): Promise<void> {
    const path = join(this.dir, LOCK_FILE);
    try {
      await this.writes;
      const existing = await readLock(path);
      if (existing?.info?.pid === process.pid) await unlink(path);
    } finally {
      heldDirs.delete(this.dir);
    }
  }
}

async function createExclusive(path: string, info: LockInfo): Promise<boolean> {
  try {
    await writeDurably(path, info, 'wx');
    return true;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
}

async function writeDurably(path: string, info: LockInfo, flags: 'w' | 'wx'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

type ExistingLock = { raw: string; info: LockInfo | null };

/**
 * `null` when the file vanished. The owner creates the file before writing its content, so an empty or
 * unparsable file is re-read briefly before it counts as the leftover of a crash during creation.
 */
async function readLock(path: string): Promise<ExistingLock | null> {
  let raw = '';
  for (let attempt = 0; attempt < 10; attempt += 1) {
    try {
      raw = await readFile(path, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    }
    const info = parseLockInfo(raw);
    if (info) return { raw, info };
    await sleep(20);
  }
  return { raw, info: null };
}

function parseLockInfo(raw: string): LockInfo | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, uri, startedAt } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    return {
      pid,
      startedAt: typeof startedAt === 'string' ? startedAt : '',
      ...(typeof uri === 'string' ? { uri } : {}),
    };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our own pid but not in heldDirs: left by an earlier incarnation
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errnoCode(error) === 'EPERM';
  }
}

/**
 * Moves the stale file aside instead of unlinking it by name: if another process replaced it with a
 * fresh lock in the meantime, we notice (the content differs) and put that one back.
 */
async function removeStaleLock(path: string, staleContent: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  if (moved !== staleContent) {
    try {
      await link(aside, path);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
  }
  await unlink(aside);
}
