// Open cursors: the remaining result documents of a find/aggregate, handed out batch by batch through
// getMore. Results are materialised up front (stored documents are immutable, so this is a consistent
// snapshot). Clients that stop iterating without killCursors leave cursors behind: idle ones are reaped.
import { randomInt } from 'node:crypto';
import { calculateObjectSize, Long, type Document } from 'bson';

/** Replies stay below the 16 MiB BSON limit with room for the envelope. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
export const DEFAULT_FIRST_BATCH = 101;

export type OpenCursor = {
  readonly id: Long;
  readonly ns: string;
  readonly docs: Document[];
  pos: number;
  lastUsed: number;
  /** Applied to each batch on the way out (find projections). */
  readonly transform?: (docs: Document[]) => Document[];
};

/** Takes up to `batchSize` documents (0 = no count limit) without exceeding MAX_BATCH_BYTES. */
export function takeBatch(docs: Document[], start: number, batchSize: number): Document[] {
  const end = batchSize > 0 ? Math.min(docs.length, start + batchSize) : docs.length;
  let bytes = 0;
  let i = start;
  for (; i < end; i++) {
    bytes += calculateObjectSize(docs[i] as Document);
    // Always at least one document per batch, even a huge one.
    if (bytes > MAX_BATCH_BYTES && i > start) break;
  }
  return docs.slice(start, i);
}

export class CursorManager {
  private readonly cursors = new Map<string, OpenCursor>();
  private readonly timer: NodeJS.Timeout;
  private nextLow = randomInt(1, 2 ** 31 - 1);

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => this.reap(), Math.max(10, Math.min(idleMs / 2, 60_000)));
    this.timer.unref();
  }

  get size(): number {
    return this.cursors.size;
  }

  open(ns: string, docs: Document[], pos: number, transform?: (docs: Document[]) => Document[]): OpenCursor {
    // Non-zero, positive int64 ids; the high word is random so ids are not guessable across restarts.
    const id = Long.fromBits(this.nextLow++ | 0, randomInt(1, 2 ** 31 - 1));
    const cursor: OpenCursor = { id, ns, docs, pos, lastUsed: this.now(), transform };
    this.cursors.set(id.toString(), cursor);
    return cursor;
  }

  get(id: Long): OpenCursor | undefined {
    const c = this.cursors.get(id.toString());
    if (c) c.lastUsed = this.now();
    return c;
  }

  kill(id: Long): boolean {
    return this.cursors.delete(id.toString());
  }

  /** Next batch; closes the cursor when exhausted and reports whether it is still open. */
  nextBatch(cursor: OpenCursor, batchSize: number): { batch: Document[]; open: boolean } {
    const raw = takeBatch(cursor.docs, cursor.pos, batchSize);
    cursor.pos += raw.length;
    const open = cursor.pos < cursor.docs.length;
    if (!open) this.cursors.delete(cursor.id.toString());
    return { batch: cursor.transform ? cursor.transform(raw) : raw, open };
  }

  reap(): number {
    const limit = this.now() - this.idleMs;
    let reaped = 0;
    for (const [key, c] of this.cursors) {
      if (c.lastUsed <= limit) {
        this.cursors.delete(key);
        reaped++;
      }
    }
    return reaped;
  }

  close(): void {
    clearInterval(this.timer);
    this.cursors.clear();
  }
}
