// CONTRACT between the engine's command layer and its storage layer. The storage helper implements
// `openDurableStore` in this folder; the command layer only uses what is declared here.
import type { Document } from 'bson';

export type LockInfo = { pid: number; uri?: string; startedAt: string };

export type DurableStoreOptions = {
  dataDir: string;
  /** Compact automatically when the journal grows beyond this many bytes (default 64 MiB). */
  compactAfterBytes?: number;
};

/**
 * An append-only, checksummed, fsynced log of opaque BSON records plus snapshots.
 * The engine decides what a record means; a snapshot is simply a sequence of records that, replayed in
 * order onto an empty state, rebuilds the state at the moment of compaction.
 */
export type DurableStore = {
  /** Resolves once the record is on disk (fdatasync); concurrent appends share one fsync (group commit). */
  append(record: Document): Promise<void>;
  /**
   * Writes a snapshot produced synchronously by `records()` at the moment of the call, starts a fresh
   * journal, and removes the old generation. Safe against a crash at any point.
   */
  compact(records: () => Iterable<Document>): Promise<void>;
  /** Bytes in the current journal (drives automatic compaction). */
  readonly journalBytes: number;
  /** Records the engine's address in the lock file so another process can attach to it. */
  updateLockInfo(info: Partial<LockInfo>): Promise<void>;
  /** Flushes pending appends, closes files and releases the lock. */
  close(): Promise<void>;
};

/** Thrown when another live process holds the data directory; `uri` is where that engine listens. */
export class DataDirLockedError extends Error {
  readonly uri?: string;
  constructor(
    readonly dataDir: string,
    readonly lock: LockInfo,
  ) {
    super(`Data directory ${dataDir} is in use by process ${lock.pid}${lock.uri ? ` (${lock.uri})` : ''}`);
    this.name = 'DataDirLockedError';
    this.uri = lock.uri;
  }
}

export type ReplayRecord = (record: Document) => void;

export type OpenDurableStore = (options: DurableStoreOptions, replay: ReplayRecord) => Promise<DurableStore>;
