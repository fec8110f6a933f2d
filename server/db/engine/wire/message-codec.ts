// MongoDB wire protocol framing: decoding OP_MSG and OP_QUERY requests and encoding OP_MSG / OP_REPLY
// replies. Replies use a single kind-0 section and never a checksum (both are what the driver expects).
import { deserialize, serialize, type Document } from 'bson';
import { normalizeValue } from '../bson-values.js';
import { crc32c } from './crc32c.js';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;
export const HEADER_BYTES = 16;

const FLAG_CHECKSUM_PRESENT = 1 << 0;
const FLAG_MORE_TO_COME = 1 << 1;
const KNOWN_MSG_FLAGS = FLAG_CHECKSUM_PRESENT | FLAG_MORE_TO_COME | (1 << 16);

/** Decoding keeps exact BSON types (see bson-values.ts for the in-memory representation). */
const DESERIALIZE_OPTIONS = { promoteValues: false, promoteBuffers: false, bsonRegExp: false } as const;

/** A malformed message: the connection is closed (its byte stream can no longer be trusted). */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

export type Header = { length: number; requestId: number; responseTo: number; opCode: number };

export type Request =
  | { kind: 'msg'; header: Header; body: Document; moreToCome: boolean }
  | { kind: 'query'; header: Header; fullCollectionName: string; query: Document };

export function readHeader(buf: Buffer): Header {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

function decodeDocument(buf: Buffer, offset: number, end: number): { doc: Document; next: number } {
  if (offset + 5 > end) throw new ProtocolError('truncated BSON document');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new ProtocolError('BSON document length out of bounds');
  let doc: Document;
  try {
    doc = deserialize(buf.subarray(offset, offset + size), DESERIALIZE_OPTIONS);
  } catch (err) {
    throw new ProtocolError(`invalid BSON: ${(err as Error).message}`);
  }
  return { doc: normalizeValue(doc) as Document, next: offset + size };
}

function readCString(buf: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = buf.indexOf(0, offset);
  if (zero === -1 || zero >= end) throw new ProtocolError('unterminated C string');
  return { value: buf.toString('utf8', offset, zero), next: zero + 1 };
}

export function decodeRequest(buf: Buffer): Request {
  const header = readHeader(buf);
  if (header.length !== buf.length) throw new ProtocolError('message length mismatch');
  if (header.opCode === OP_MSG) return decodeMsg(buf, header);
  if (header.opCode === OP_QUERY) return decodeQuery(buf, header);
  throw new ProtocolError(`unsupported opCode ${header.opCode}`);
}

function decodeMsg(buf: Buffer, header: Header): Request {
  const flags = buf.readUInt32LE(HEADER_BYTES);
  if (flags & 0xffff & ~KNOWN_MSG_FLAGS)
    throw new ProtocolError(`unknown required OP_MSG flag bits ${flags}`);
  let end = buf.length;
  if (flags & FLAG_CHECKSUM_PRESENT) {
    end -= 4;
    if (end < HEADER_BYTES + 4) throw new ProtocolError('message too short for checksum');
    if (crc32c(buf.subarray(0, end)) !== buf.readUInt32LE(end))
      throw new ProtocolError('OP_MSG checksum mismatch');
  }
  let offset = HEADER_BYTES + 4;
  let body: Document | undefined;
  const sequences: [string, Document[]][] = [];
  while (offset < end) {
    const kind = buf[offset];
    offset += 1;
    if (kind === 0) {
      if (body) throw new ProtocolError('OP_MSG with more than one body section');
      const r = decodeDocument(buf, offset, end);
      body = r.doc;
      offset = r.next;
    } else if (kind === 1) {
      if (offset + 4 > end) throw new ProtocolError('truncated document sequence');
      const size = buf.readInt32LE(offset);
      const seqEnd = offset + size;
      if (size < 5 || seqEnd > end) throw new ProtocolError('document sequence length out of bounds');
      const id = readCString(buf, offset + 4, seqEnd);
      const docs: Document[] = [];
      let p = id.next;
      while (p < seqEnd) {
        const r = decodeDocument(buf, p, seqEnd);
        docs.push(r.doc);
        p = r.next;
      }
      sequences.push([id.value, docs]);
      offset = seqEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${String(kind)}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG without body section');
  // Kind-1 sequences (insert documents, update/delete statements) become arrays in the command body.
  for (const [id, docs] of sequences) {
    if (id in body) throw new ProtocolError(`duplicate field '${id}' in body and document sequence`);
    body[id] = docs;
  }
  return { kind: 'msg', header, body, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0 };
}

function decodeQuery(buf: Buffer, header: Header): Request {
  let offset = HEADER_BYTES + 4; // flags
  const name = readCString(buf, offset, buf.length);
  offset = name.next + 8; // numberToSkip, numberToReturn
  const { doc } = decodeDocument(buf, offset, buf.length);
  return { kind: 'query', header, fullCollectionName: name.value, query: doc };
}

let nextRequestId = 1;

function header(out: Buffer, responseTo: number, opCode: number): void {
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  out.writeInt32LE(responseTo, 8);
  out.writeInt32LE(opCode, 12);
}

const SERIALIZE_OPTIONS = { ignoreUndefined: true } as const;

export function encodeMsgReply(responseTo: number, doc: Document): Buffer {
  const body = serialize(doc, SERIALIZE_OPTIONS);
  const out = Buffer.allocUnsafe(HEADER_BYTES + 5 + body.length);
  header(out, responseTo, OP_MSG);
  out.writeUInt32LE(0, HEADER_BYTES);
  out[HEADER_BYTES + 4] = 0;
  out.set(body, HEADER_BYTES + 5);
  return out;
}

export const REPLY_QUERY_FAILURE = 1 << 1;

export function encodeOpReply(responseTo: number, doc: Document, responseFlags = 0): Buffer {
  const body = serialize(doc, SERIALIZE_OPTIONS);
  const out = Buffer.allocUnsafe(HEADER_BYTES + 20 + body.length);
  header(out, responseTo, OP_REPLY);
  out.writeInt32LE(responseFlags, HEADER_BYTES);
  out.writeBigInt64LE(0n, HEADER_BYTES + 4); // cursorID
  out.writeInt32LE(0, HEADER_BYTES + 12); // startingFrom
  out.writeInt32LE(1, HEADER_BYTES + 16); // numberReturned
  out.set(body, HEADER_BYTES + 20);
  return out;
}
