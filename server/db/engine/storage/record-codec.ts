import { crc32 } from 'node:zlib';
import { deserialize, serialize, type DeserializeOptions, type Document } from 'bson';

/**
 * Frame layout, little-endian: [payload length u32][crc32 u32][payload]. The checksum covers the length
 * bytes too, so a corrupted length is detected even when it still points inside the file.
 */
export const FRAME_HEADER_BYTES = 8;
/** Smallest BSON document: int32 length + terminating NUL. */
const MIN_PAYLOAD_BYTES = 5;
/**
 * Far above the 16 MiB BSON document limit; anything larger is a corrupted length, not a record. Keeping
 * it bounded also stops a garbage length from making recovery allocate gigabytes.
 */
export const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Without these options bson turns Int32, Double and (small) Long into plain numbers, so a stored 1.0
 * would come back as an int32 and an int64 as a double: replay must give back exactly what was written.
 */
export const EXACT_DESERIALIZE_OPTIONS: DeserializeOptions = Object.freeze({
  promoteValues: false,
  promoteLongs: false,
});

export function encodeFrame(record: Document): Buffer {
  const payload = serialize(record);
  return frameFromPayload(payload);
}

export function frameFromPayload(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.set(payload, FRAME_HEADER_BYTES);
  frame.writeUInt32LE(frameChecksum(frame.subarray(0, 4), payload), 4);
  return frame;
}

export function frameChecksum(lengthBytes: Uint8Array, payload: Uint8Array): number {
  return crc32(payload, crc32(lengthBytes));
}

export function decodeRecord(payload: Uint8Array, options: DeserializeOptions): Document {
  // A private copy: bson's Binary values are views into the buffer they were parsed from, and the read
  // buffer holds megabytes of neighbouring records that would otherwise stay alive with them.
  return deserialize(Buffer.from(payload), options);
}

/**
 * Cheap structural test of a would-be frame header before paying for a checksum; `payloadStart` is the
 * first 4 payload bytes when available (a BSON document repeats its own length there).
 */
export function plausiblePayloadLength(length: number, payloadStart?: number): boolean {
  if (length < MIN_PAYLOAD_BYTES || length > MAX_PAYLOAD_BYTES) return false;
  return payloadStart === undefined || payloadStart === length;
}
