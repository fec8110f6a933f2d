import { mkdir, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Document } from 'bson';
import { compactGeneration } from './compaction.js';
import { DataDirLock } from './data-dir-lock.js';
import type { LockInfo, OpenDurableStore, ReplayRecord } from './durable-store.js';
import { JournalWriter } from './journal-writer.js';
import { EXACT_DESERIALIZE_OPTIONS, encodeFrame } from './record-codec.js';
import { recoverDataDir } from './replay.js';
import { StoreClosedError, StoreFailedError } from './store-errors.js';
import {
  DEFAULT_COMPACT_AFTER_BYTES,
  type LocalDurableStore,
  type LocalDurableStoreOptions,
  type ReplayStats,
  type StoreStats,
} from './store-options.js';

/**
 * Locks the data directory, replays its snapshot and journals into `replay` (synchronously, in order)
 * and returns a store appending to the newest journal. Throws `DataDirLockedError` when another live
 * process holds the directory and `StoreCorruptError` when replay would have to drop acknowledged data.
 */
export async function openDurableStore(
  options: LocalDurableStoreOptions,
  replay: ReplayRecord,
): Promise<LocalDurableStore> {
  const compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
  if (!Number.isFinite(compactAfterBytes) || compactAfterBytes <= 0) {
    throw new RangeError(`compactAfterBytes must be a positive number, got ${compactAfterBytes}`);
  }
  await mkdir(resolve(options.dataDir), { recursive: true });
  // The real path keys the lock registry: two spellings of one directory must collide.
  const dataDir = await realpath(resolve(options.dataDir));
  const lock = await DataDirLock.acquire(dataDir, options.logger);
  try {
    const recovered = await recoverDataDir(dataDir, replay, {
      deserializeOptions: options.deserializeOptions ?? EXACT_DESERIALIZE_OPTIONS,
      logger: options.logger,
    });
    options.logger?.info(
      { dataDir, generation: recovered.journal.generation, ...recovered.stats },
      'durable store opened',
    );
    const writer = new JournalWriter(recovered.journal, (cause) => {
      const failure = new StoreFailedError(dataDir, cause);
      options.logger?.error(
        { dataDir, err: cause },
        'journal write failed; the store accepts no more writes',
      );
      return failure;
    });
    return new LocalStore(dataDir, compactAfterBytes, lock, writer, recovered.stats, options);
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
}

const _implementsContract: OpenDurableStore = openDurableStore;

class LocalStore implements LocalDurableStore {
  private closing: Promise<void> | null = null;
  private compactions: Promise<void> = Promise.resolve();
  private compactionCount = 0;
  private compactionsPending = 0;

  constructor(
    readonly dataDir: string,
    readonly compactAfterBytes: number,
    private readonly lock: DataDirLock,
    private readonly writer: JournalWriter,
    private readonly replayStats: ReplayStats,
    private readonly options: LocalDurableStoreOptions,
  ) {}

  get journalBytes(): number {
    return this.writer.current.appendedBytes;
  }

  get generation(): number {
    return this.writer.current.generation;
  }

  get compacting(): boolean {
    return this.compactionsPending > 0;
  }

  get failure(): Error | null {
    return this.writer.failure;
  }

  get stats(): StoreStats {
    const { appends, fsyncs, largestBatch, bytesWritten } = this.writer.counters;
    return {
      appends,
      fsyncs,
      largestBatch,
      journalBytesWritten: bytesWritten,
      compactions: this.compactionCount,
      replay: { ...this.replayStats },
    };
  }

  append(record: Document): Promise<void> {
    if (this.closing) return Promise.reject(new StoreClosedError(this.dataDir));
    let frame: Buffer;
    try {
      frame = encodeFrame(record);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return this.writer.append(frame);
  }

  compact(records: () => Iterable<Document>): Promise<void> {
    if (this.closing) return Promise.reject(new StoreClosedError(this.dataDir));
    this.compactionsPending += 1;
    const run = this.compactions.then(async () => {
      try {
        await compactGeneration(
          {
            dir: this.dataDir,
            writer: this.writer,
            logger: this.options.logger,
            onStep: this.options.onCompactionStep,
          },
          records,
        );
        this.compactionCount += 1;
      } finally {
        this.compactionsPending -= 1;
      }
    });
    // A failed compaction leaves a consistent directory; the next one may still run.
    this.compactions = run.catch(() => undefined);
    return run;
  }

  updateLockInfo(info: Partial<LockInfo>): Promise<void> {
    if (this.closing) return Promise.reject(new StoreClosedError(this.dataDir));
    return this.lock.update(info);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    try {
      await this.compactions;
      await this.writer.idle();
      await this.writer.current.handle.close();
    } finally {
      await this.lock.release();
    }
  }
}
