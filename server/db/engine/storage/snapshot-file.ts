import { open } from 'node:fs/promises';
import { deserialize, type Document } from 'bson';
import { scanFrames } from './frame-scanner.js';
import { writeFully } from './fs-util.js';
import { encodeFrame } from './record-codec.js';

/**
 * A snapshot is a header frame, one frame per record, and a trailer frame carrying the record count.
 * Only a file that ends in a matching trailer is complete; the rename protocol already guarantees that,
 * the trailer catches a file system that persisted the rename but not the data.
 */
const HEADER_KEY = 'durableStoreSnapshot';
const TRAILER_KEY = 'durableStoreSnapshotEnd';
const FORMAT_VERSION = 1;
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Encodes every record right away: `records()` reflects the state at the moment of the call and the
 * engine keeps mutating its documents afterwards.
 */
export function encodeSnapshot(
  records: Iterable<Document>,
  generation: number,
): { chunks: Buffer[]; records: number } {
  const chunks: Buffer[] = [];
  let pending: Buffer[] = [encodeFrame({ [HEADER_KEY]: FORMAT_VERSION, generation })];
  let pendingBytes = 0;
  let count = 0;
  for (const record of records) {
    const frame = encodeFrame(record);
    pending.push(frame);
    pendingBytes += frame.length;
    count += 1;
    if (pendingBytes >= CHUNK_BYTES) {
      chunks.push(Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
    }
  }
  pending.push(encodeFrame({ [TRAILER_KEY]: true, records: count }));
  chunks.push(Buffer.concat(pending));
  return { chunks, records: count };
}

/** Writes and fsyncs the file; `onPartial` lets crash tests look at a half-written file. */
export async function writeSnapshotFile(
  path: string,
  chunks: readonly Buffer[],
  onPartial?: () => Promise<void>,
): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let position = 0;
    for (const [index, chunk] of chunks.entries()) {
      if (index === 0 && onPartial) {
        const half = chunk.subarray(0, Math.floor(chunk.length / 2));
        await writeFully(handle, half, 0);
        await onPartial();
        await writeFully(handle, chunk.subarray(half.length), half.length);
      } else {
        await writeFully(handle, chunk, position);
      }
      position += chunk.length;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type SnapshotCheck = { complete: true; records: number } | { complete: false; reason: string };

export async function checkSnapshot(path: string, generation: number): Promise<SnapshotCheck> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let first: Buffer | undefined;
    let last: Buffer | undefined;
    const scan = await scanFrames(handle, size, (payload) => {
      first ??= payload;
      last = payload;
    });
    if (scan.problem)
      return { complete: false, reason: `${scan.problem.reason} at byte ${scan.problem.offset}` };
    if (!first || !last || scan.frames < 2) return { complete: false, reason: 'no header and trailer' };
    const header = deserialize(first);
    if (header[HEADER_KEY] !== FORMAT_VERSION || header['generation'] !== generation) {
      return { complete: false, reason: 'header does not match this generation' };
    }
    const trailer = deserialize(last);
    if (trailer[TRAILER_KEY] !== true || trailer['records'] !== scan.frames - 2) {
      return { complete: false, reason: 'no trailer: the snapshot was not finished' };
    }
    return { complete: true, records: scan.frames - 2 };
  } finally {
    await handle.close();
  }
}

/** Hands over the record payloads of a snapshot that `checkSnapshot` found complete. */
export async function readSnapshotRecords(
  path: string,
  records: number,
  onRecord: (payload: Buffer) => void,
): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let index = 0;
    const scan = await scanFrames(handle, size, (payload) => {
      if (index >= 1 && index <= records) onRecord(payload);
      index += 1;
    });
    // Verified a moment ago; a problem now means the file changed underneath us.
    if (scan.problem || index !== records + 2) throw new Error(`snapshot ${path} changed while being read`);
  } finally {
    await handle.close();
  }
}
