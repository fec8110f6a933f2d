// Engine-only: wire-protocol robustness with a raw socket, cursor reaping and the TTL monitor.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deserialize, Long, serialize, type Document } from 'bson';
import { MongoClient, MongoServerError } from 'mongodb';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../server/db/engine/index.js';
import { crc32c } from '../../server/db/engine/wire/crc32c.js';

let engine: EmbeddedEngine;
let dataDir: string;
let client: MongoClient;
const warnings: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'engine-wire-'));
  engine = await startEmbeddedEngine({
    dataDir,
    port: 0,
    cursorIdleMs: 100,
    ttlMonitorMs: 50,
    logger: { info: () => undefined, warn: (_o, m) => void warnings.push(m ?? ''), error: () => undefined },
  });
  client = await MongoClient.connect(engine.uri);
});

afterAll(async () => {
  await client?.close();
  await engine?.close();
  await rm(dataDir, { recursive: true, force: true });
});

let requestId = 1;

function opMsg(body: Document, checksum = false): Buffer {
  const doc = serialize(body);
  const length = 16 + 4 + 1 + doc.length + (checksum ? 4 : 0);
  const out = Buffer.alloc(length);
  out.writeInt32LE(length, 0);
  out.writeInt32LE(requestId++, 4);
  out.writeInt32LE(0, 8);
  out.writeInt32LE(2013, 12);
  out.writeUInt32LE(checksum ? 1 : 0, 16);
  out[20] = 0;
  out.set(doc, 21);
  if (checksum) out.writeUInt32LE(crc32c(out.subarray(0, length - 4)), length - 4);
  return out;
}

function opQuery(ns: string, query: Document): Buffer {
  const doc = serialize(query);
  const name = Buffer.from(`${ns}\0`);
  const length = 16 + 4 + name.length + 8 + doc.length;
  const out = Buffer.alloc(length);
  out.writeInt32LE(length, 0);
  out.writeInt32LE(requestId++, 4);
  out.writeInt32LE(2004, 12);
  name.copy(out, 20);
  out.set(doc, 20 + name.length + 8);
  return out;
}

/** Collects complete reply messages from a raw socket. */
class RawClient {
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  readonly replies: { opCode: number; doc: Document; flags: number }[] = [];
  closed = false;
  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      while (this.buf.length >= 4 && this.buf.length >= this.buf.readInt32LE(0)) {
        const len = this.buf.readInt32LE(0);
        const msg = this.buf.subarray(0, len);
        this.buf = this.buf.subarray(len);
        const opCode = msg.readInt32LE(12);
        const docStart = opCode === 1 ? 36 : 21;
        this.replies.push({ opCode, flags: msg.readInt32LE(16), doc: deserialize(msg.subarray(docStart)) });
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }
  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
  async until(cond: () => boolean): Promise<void> {
    while (!cond()) await new Promise<void>((r) => this.waiters.push(r));
  }
  static async open(): Promise<RawClient> {
    const socket = connect(engine.port, '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    return new RawClient(socket);
  }
}

describe('wire protocol', () => {
  it('answers the legacy OP_QUERY isMaster handshake with OP_REPLY', async () => {
    const raw = await RawClient.open();
    raw.socket.write(opQuery('admin.$cmd', { isMaster: 1 }));
    await raw.until(() => raw.replies.length === 1);
    const [reply] = raw.replies;
    expect(reply?.opCode).toBe(1);
    expect(reply?.doc).toMatchObject({
      ismaster: true,
      helloOk: true,
      maxWireVersion: 21,
      minWireVersion: 0,
      logicalSessionTimeoutMinutes: 30,
    });
    expect(reply?.doc.maxMessageSizeBytes).toBeGreaterThan(0);
    expect(reply?.doc.maxWriteBatchSize).toBeGreaterThan(0);
    expect(typeof reply?.doc.connectionId).toBe('number');
    raw.socket.destroy();
  });

  it('reassembles messages split into single bytes and splits several messages in one chunk', async () => {
    const raw = await RawClient.open();
    const msg = opMsg({ ping: 1, $db: 'admin' });
    for (const byte of msg) raw.socket.write(Buffer.from([byte]));
    await raw.until(() => raw.replies.length === 1);
    raw.socket.write(
      Buffer.concat([opMsg({ ping: 1, $db: 'admin' }), opMsg({ hello: 1, $db: 'admin' }, true)]),
    );
    await raw.until(() => raw.replies.length === 3);
    expect(raw.replies.map((r) => r.doc.ok)).toEqual([1, 1, 1]);
    expect(raw.replies[2]?.doc.isWritablePrimary).toBe(true);
    raw.socket.destroy();
  });

  it('closes only the offending connection on a malformed message', async () => {
    const bad = await RawClient.open();
    const garbage = Buffer.alloc(32, 0xff);
    garbage.writeInt32LE(32, 0);
    garbage.writeInt32LE(9999, 12); // unknown opCode
    bad.socket.write(garbage);
    await bad.until(() => bad.closed);
    const badChecksum = await RawClient.open();
    const m = opMsg({ ping: 1, $db: 'admin' }, true);
    m.writeUInt32LE(0, m.length - 4);
    badChecksum.socket.write(m);
    await badChecksum.until(() => badChecksum.closed);
    const huge = await RawClient.open();
    const header = Buffer.alloc(16);
    header.writeInt32LE(2_000_000_000, 0);
    huge.socket.write(header);
    await huge.until(() => huge.closed);
    expect(warnings.filter((w) => w.includes('malformed'))).toHaveLength(3);
    expect((await client.db('admin').command({ ping: 1 })).ok).toBe(1);
  });

  it('returns cursor ids as int64 and refuses transactions', async () => {
    const db = client.db('w');
    await db.collection('c').insertMany([{}, {}, {}]);
    const res = await db.command({ find: 'c', batchSize: 1 }, { promoteLongs: false });
    // The driver's own bson copy decodes it, hence the tag rather than instanceof.
    expect((res.cursor.id as { _bsontype?: string })._bsontype).toBe('Long');
    expect(Number(res.cursor.id)).toBeGreaterThan(0);
    const err = (await db
      .command({
        insert: 'c',
        documents: [{}],
        txnNumber: Long.fromNumber(1),
        startTransaction: true,
        autocommit: false,
      })
      .catch((e: unknown) => e)) as MongoServerError;
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.errmsg).toMatch(/transactions are not supported/);
  });
});

describe('cursor reaping and TTL', () => {
  it('reaps idle cursors', async () => {
    const db = client.db('w');
    await db.collection('r').insertMany(Array.from({ length: 5 }, (_, i) => ({ i })));
    const first = await db.command({ find: 'r', batchSize: 1 });
    const id = first.cursor.id;
    // Poll serverStatus (which does not touch the cursor) until the reaper closed it.
    await vi.waitFor(
      async () => {
        const status = await client.db('admin').command({ serverStatus: 1 });
        expect(status.metrics.cursor.open.total).toBe(0);
      },
      { timeout: 5000, interval: 25 },
    );
    const err = (await db
      .command({ getMore: id, collection: 'r' })
      .catch((e: unknown) => e)) as MongoServerError;
    expect(err.code).toBe(43);
  });

  it('deletes expired documents through the TTL monitor', async () => {
    const c = client.db('w').collection('sessions');
    await c.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    await c.insertMany([
      { sid: 'old', expiresAt: new Date(Date.now() - 1000) },
      { sid: 'new', expiresAt: new Date(Date.now() + 3_600_000) },
      { sid: 'none' },
    ]);
    await vi.waitFor(async () => expect(await c.countDocuments({ sid: 'old' })).toBe(0), {
      timeout: 5000,
      interval: 25,
    });
    expect((await c.find().toArray()).map((d) => d.sid).sort()).toEqual(['new', 'none']);
  });
});
