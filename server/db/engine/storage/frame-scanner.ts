import type { FileHandle } from 'node:fs/promises';
import { FRAME_HEADER_BYTES, frameChecksum, plausiblePayloadLength } from './record-codec.js';

const READ_CHUNK_BYTES = 4 * 1024 * 1024;

export type FrameProblem = { offset: number; reason: string };
export type FrameScan = {
  /** Offset just past the last good frame: where a torn tail gets cut. */
  end: number;
  frames: number;
  problem?: FrameProblem;
};

/**
 * Reads frames from `start` to `size` in order and stops at the first one that is incomplete or fails
 * its checksum. Payloads handed to `onFrame` are views into a read buffer that is never reused.
 */
export async function scanFrames(
  handle: FileHandle,
  size: number,
  onFrame: (payload: Buffer, offset: number) => void,
  start = 0,
): Promise<FrameScan> {
  let buffer: Buffer = Buffer.alloc(0);
  let bufferStart = 0;
  const has = (offset: number, length: number) =>
    offset >= bufferStart && offset + length <= bufferStart + buffer.length;
  const load = async (offset: number, length: number): Promise<boolean> => {
    if (offset + length > size) return false;
    // A fresh buffer each time: payloads already handed out must not be overwritten.
    buffer = await readExactly(handle, offset, Math.min(size - offset, Math.max(length, READ_CHUNK_BYTES)));
    bufferStart = offset;
    return true;
  };

  let offset = start;
  let frames = 0;
  const stop = (reason: string): FrameScan => ({ end: offset, frames, problem: { offset, reason } });
  while (offset < size) {
    if (!(has(offset, FRAME_HEADER_BYTES) || (await load(offset, FRAME_HEADER_BYTES)))) {
      return stop('incomplete frame header');
    }
    const at = offset - bufferStart;
    const length = buffer.readUInt32LE(at);
    if (!plausiblePayloadLength(length)) return stop(`implausible frame length ${length}`);
    const frameBytes = FRAME_HEADER_BYTES + length;
    if (!(has(offset, frameBytes) || (await load(offset, frameBytes)))) {
      return stop('frame extends past the end of the file');
    }
    const head = offset - bufferStart;
    const payload = buffer.subarray(head + FRAME_HEADER_BYTES, head + frameBytes);
    if (frameChecksum(buffer.subarray(head, head + 4), payload) !== buffer.readUInt32LE(head + 4)) {
      return stop('checksum mismatch');
    }
    if (payload.readInt32LE(0) !== length || payload[length - 1] !== 0) {
      return stop('checksum matches but the payload is not a BSON document');
    }
    onFrame(payload, offset);
    frames += 1;
    offset += frameBytes;
  }
  return { end: offset, frames };
}

/**
 * Looks for any intact frame starting after `from`. Finding one means the damage is not a torn tail (a
 * crash only ever tears the last, unacknowledged write) but lost bytes in the middle of the data.
 */
export async function findIntactFrameAfter(
  handle: FileHandle,
  size: number,
  from: number,
): Promise<number | null> {
  // The header plus the payload's own BSON length must be visible to pre-filter a candidate.
  const probeBytes = FRAME_HEADER_BYTES + 4;
  for (let base = from; base + probeBytes <= size; base += READ_CHUNK_BYTES) {
    const chunk = await readExactly(handle, base, Math.min(size - base, READ_CHUNK_BYTES + probeBytes));
    const last = Math.min(READ_CHUNK_BYTES, chunk.length - probeBytes + 1);
    for (let i = 0; i < last; i += 1) {
      const length = chunk.readUInt32LE(i);
      if (!plausiblePayloadLength(length, chunk.readInt32LE(i + FRAME_HEADER_BYTES))) continue;
      if (base + i + FRAME_HEADER_BYTES + length > size) continue;
      if (await isIntactFrameAt(handle, base + i, length)) return base + i;
    }
  }
  return null;
}

async function isIntactFrameAt(handle: FileHandle, offset: number, length: number): Promise<boolean> {
  const frame = await readExactly(handle, offset, FRAME_HEADER_BYTES + length);
  const payload = frame.subarray(FRAME_HEADER_BYTES);
  return frameChecksum(frame.subarray(0, 4), payload) === frame.readUInt32LE(4) && payload[length - 1] === 0;
}

export async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0)
      throw new Error(`file ended at byte ${position + filled}, expected ${position + length}`);
    filled += bytesRead;
  }
  return buffer;
}
