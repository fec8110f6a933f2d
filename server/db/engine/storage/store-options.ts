import type { DeserializeOptions } from 'bson';
import type { DurableStore, DurableStoreOptions } from './durable-store.js';

/** Same shape as the engine's logger (pino-compatible). */
export type StoreLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type CompactionStep =
  | 'journal-created'
  | 'journal-switched'
  | 'snapshot-partially-written'
  | 'snapshot-written'
  | 'snapshot-renamed'
  | 'old-journal-deleted'
  | 'old-snapshot-deleted'
  | 'done';

export type LocalDurableStoreOptions = DurableStoreOptions & {
  logger?: StoreLogger;
  /** How replayed records are decoded; the default gives back exactly the BSON types that were written. */
  deserializeOptions?: DeserializeOptions;
  /**
   * Test seam: awaited after each compaction step with the files on disk in that step's state, so a
   * test can copy the directory to simulate a crash there. Throwing aborts the compaction.
   */
  onCompactionStep?: (step: CompactionStep) => void | Promise<void>;
};

export type StoreStats = {
  /** Records acknowledged since open. */
  appends: number;
  /** Journal write + fdatasync rounds; with group commit far fewer than `appends`. */
  fsyncs: number;
  largestBatch: number;
  journalBytesWritten: number;
  compactions: number;
  replay: ReplayStats;
};

export type ReplayStats = {
  snapshotRecords: number;
  journalRecords: number;
  /** Bytes of torn tail cut off at open. */
  truncatedBytes: number;
  durationMs: number;
};

export type LocalDurableStore = DurableStore & {
  readonly dataDir: string;
  readonly compactAfterBytes: number;
  /** The generation appends currently go to. */
  readonly generation: number;
  readonly stats: StoreStats;
  /** True while a compaction runs or waits for the previous one; lets the engine avoid piling them up. */
  readonly compacting: boolean;
  /** Set once a write or fsync failed; every later append rejects with it. */
  readonly failure: Error | null;
};

export const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;
