// The engine side of durability: every write command's records go through here and the command replies
// only after `store.append` resolved (fsynced). A failed append poisons the engine for writes: the
// in-memory state may now be ahead of the disk, so acknowledging anything further would be a lie.
import { calculateObjectSize, type Document } from 'bson';
import type { DurableStore } from './storage/durable-store.js';
import type { JournalRecord } from './catalog/catalog.js';
import { EngineError, ErrorCode } from './errors.js';
import type { EngineLogger } from './index.js';

/** Keeps each journal record well below the BSON document limit. */
const RECORD_CHUNK_BYTES = 8 * 1024 * 1024;

export class Journal {
  private failure: Error | null = null;
  private compacting: Promise<void> | undefined;

  constructor(
    private readonly store: DurableStore,
    private readonly snapshot: () => Document[],
    private readonly compactAfterBytes: number,
    private readonly logger: EngineLogger,
  ) {}

  get failed(): Error | null {
    return this.failure;
  }

  /** Call before changing any state in a write command. */
  assertWritable(): void {
    if (this.failure) {
      throw new EngineError(
        ErrorCode.InternalError,
        `the embedded engine refuses writes after a journal failure (${this.failure.message}); restart it`,
      );
    }
  }

  async append(records: JournalRecord[]): Promise<void> {
    if (records.length === 0) return;
    this.assertWritable();
    try {
      // Issue all appends at once so they share one group-commit fsync.
      await Promise.all(splitRecords(records).map((r) => this.store.append(r)));
    } catch (err) {
      this.failure = err instanceof Error ? err : new Error(String(err));
      this.logger.error({ err: this.failure }, 'journal append failed; engine is now read-only');
      throw new EngineError(ErrorCode.InternalError, `write not persisted: ${this.failure.message}`);
    }
    this.maybeCompact();
  }

  maybeCompact(): void {
    if (this.compacting || this.failure || this.store.journalBytes < this.compactAfterBytes) return;
    this.compacting = this.compact().finally(() => {
      this.compacting = undefined;
    });
  }

  private async compact(): Promise<void> {
    try {
      await this.store.compact(() => this.snapshot());
    } catch (err) {
      // The journal is still intact; the next append retries compaction.
      this.logger.warn({ err }, 'journal compaction failed');
    }
  }

  /** Waits for a running compaction, compacts once more if anything was journaled, closes the store. */
  async close(): Promise<void> {
    await this.compacting;
    if (!this.failure && this.store.journalBytes > 0) await this.compact();
    await this.store.close();
  }
}

/** Splits document-carrying records whose size would approach the BSON limit. */
function splitRecords(records: JournalRecord[]): JournalRecord[] {
  const out: JournalRecord[] = [];
  for (const r of records) {
    if ((r.op !== 'i' && r.op !== 'u') || r.docs.length <= 1) {
      out.push(r);
      continue;
    }
    let chunk: Document[] = [];
    let bytes = 0;
    for (const doc of r.docs) {
      const size = calculateObjectSize(doc);
      if (chunk.length > 0 && bytes + size > RECORD_CHUNK_BYTES) {
        out.push({ ...r, docs: chunk });
        chunk = [];
        bytes = 0;
      }
      chunk.push(doc);
      bytes += size;
    }
    if (chunk.length > 0) out.push({ ...r, docs: chunk });
  }
  return out;
}
