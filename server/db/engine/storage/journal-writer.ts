import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDirectory, writeFully } from './fs-util.js';
import { journalName } from './generations.js';

export type JournalFile = {
  readonly generation: number;
  readonly path: string;
  readonly handle: FileHandle;
  /** Bytes durably in the file. */
  durableBytes: number;
  /** durableBytes plus what is queued for it. */
  appendedBytes: number;
};

export async function createJournal(dir: string, generation: number): Promise<JournalFile> {
  const path = join(dir, journalName(generation));
  // 'wx': a journal of this generation must not exist yet; reusing one could mix two histories.
  const handle = await open(path, 'wx');
  try {
    await handle.sync();
    await fsyncDirectory(dir);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { generation, path, handle, durableBytes: 0, appendedBytes: 0 };
}

type PendingAppend = {
  frame: Buffer;
  file: JournalFile;
  resolve: () => void;
  reject: (error: Error) => void;
};

/** One write is capped so a burst does not build one giant buffer; the rest goes in the next round. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

export type WriterCounters = { appends: number; fsyncs: number; largestBatch: number; bytesWritten: number };

/**
 * Group commit: one round = one write of everything queued + one fdatasync, and appends that arrive
 * while a round is in flight form the next round. Rounds run strictly one after another, also across
 * a journal switch, so the journals on disk are always a prefix of the acknowledged order.
 */
export class JournalWriter {
  private queue: PendingAppend[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private inFlight: JournalFile | null = null;
  private settleWaiters: { file: JournalFile; resolve: () => void }[] = [];
  private failed: Error | null = null;
  readonly counters: WriterCounters = { appends: 0, fsyncs: 0, largestBatch: 0, bytesWritten: 0 };

  constructor(
    private file: JournalFile,
    private readonly toFailure: (cause: unknown) => Error,
  ) {}

  get current(): JournalFile {
    return this.file;
  }

  get failure(): Error | null {
    return this.failed;
  }

  append(frame: Buffer): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ frame, file: this.file, resolve, reject });
      this.file.appendedBytes += frame.length;
      this.startRounds();
    });
  }

  /** Later appends go to `next`; already queued ones still go, first, to the previous journal. */
  switchTo(next: JournalFile): JournalFile {
    const previous = this.file;
    this.file = next;
    return previous;
  }

  /** Resolves when everything appended so far is settled (acknowledged or rejected). */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves once nothing more will be written to `file` (its appends are settled), so it can be
   * closed. Unlike `idle()` this does not wait for appends to later journals, which may never pause.
   */
  settled(file: JournalFile): Promise<void> {
    if (!this.pendingFor(file)) return Promise.resolve();
    return new Promise((resolve) => this.settleWaiters.push({ file, resolve }));
  }

  private pendingFor(file: JournalFile): boolean {
    // FIFO across a switch: the oldest queued entry tells whether any for `file` remain.
    return this.inFlight === file || this.queue[0]?.file === file;
  }

  private notifySettled(): void {
    this.settleWaiters = this.settleWaiters.filter((waiter) => {
      if (this.pendingFor(waiter.file)) return true;
      waiter.resolve();
      return false;
    });
  }

  private startRounds(): void {
    if (this.running) return;
    this.running = true;
    // From a microtask so that every append issued in the same tick joins the first round.
    queueMicrotask(() => void this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failed) {
        const batch = this.takeBatch();
        const file = batch[0]!.file;
        this.inFlight = file;
        const data = batch.length === 1 ? batch[0]!.frame : Buffer.concat(batch.map((entry) => entry.frame));
        try {
          await writeFully(file.handle, data, file.durableBytes);
          await file.handle.datasync();
        } catch (cause) {
          this.fail(cause, batch);
          return;
        }
        file.durableBytes += data.length;
        this.counters.fsyncs += 1;
        this.counters.appends += batch.length;
        this.counters.bytesWritten += data.length;
        this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
        for (const entry of batch) entry.resolve();
        this.inFlight = null;
        this.notifySettled();
      }
    } finally {
      this.inFlight = null;
      this.notifySettled();
      // In the same synchronous step as the loop's last emptiness check, so no append can be left
      // queued with nobody running.
      this.running = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private takeBatch(): PendingAppend[] {
    const file = this.queue[0]!.file;
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length) {
      const entry = this.queue[count]!;
      if (entry.file !== file || (count > 0 && bytes + entry.frame.length > MAX_BATCH_BYTES)) break;
      bytes += entry.frame.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  /** Nothing queued can be acknowledged any more: its position in the file is unknown after a failure. */
  private fail(cause: unknown, batch: PendingAppend[]): void {
    const error = this.toFailure(cause);
    this.failed = error;
    const rejected = [...batch, ...this.queue.splice(0)];
    for (const entry of rejected) entry.reject(error);
  }
}
