// One client socket: reassembles messages from arbitrary TCP chunking (partial frames, several messages
// per chunk), runs them one at a time in arrival order and writes the replies. A malformed message
// closes this connection only; the process and other connections are unaffected.
import type { Socket } from 'node:net';
import type { Document } from 'bson';
import type { ConnectionInfo, EngineState } from '../commands/context.js';
import { runCommand } from '../commands/registry.js';
import { MAX_MESSAGE_SIZE_BYTES } from '../commands/server-info.js';
import { EngineError, ErrorCode } from '../errors.js';
import {
  decodeRequest,
  encodeMsgReply,
  encodeOpReply,
  HEADER_BYTES,
  ProtocolError,
  REPLY_QUERY_FAILURE,
  type Request,
} from './message-codec.js';

export class Connection {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly engine: EngineState,
    readonly info: ConnectionInfo,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => {
      this.engine.logger.warn({ err, connectionId: info.id }, 'client socket error');
    });
    socket.on('close', () => {
      this.closed = true;
      this.chunks = [];
      this.buffered = 0;
    });
  }

  /** Waits until in-flight commands of this connection have replied (used on shutdown). */
  drained(): Promise<void> {
    return this.tail;
  }

  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= 4) {
      const length = this.peekLength();
      if (length < HEADER_BYTES || length > MAX_MESSAGE_SIZE_BYTES) {
        this.fail(new ProtocolError(`invalid message length ${length}`));
        return;
      }
      if (this.buffered < length) return;
      const message = this.take(length);
      this.tail = this.tail.then(() => this.handle(message));
    }
  }

  private peekLength(): number {
    let first = this.chunks[0] as Buffer;
    if (first.length < 4) {
      first = Buffer.concat(this.chunks);
      this.chunks = [first];
    }
    return first.readInt32LE(0);
  }

  private take(n: number): Buffer {
    let first = this.chunks[0] as Buffer;
    if (first.length < n) {
      first = Buffer.concat(this.chunks);
      this.chunks = [first];
    }
    const message = first.subarray(0, n);
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.buffered -= n;
    return message;
  }

  private fail(err: Error): void {
    this.engine.logger.warn(
      { err, connectionId: this.info.id, remote: this.info.remote },
      'closing connection after a malformed message',
    );
    this.destroy();
  }

  private async handle(message: Buffer): Promise<void> {
    if (this.closed) return;
    let request: Request;
    try {
      request = decodeRequest(message);
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    try {
      const reply =
        request.kind === 'msg'
          ? await this.handleMsg(request.body, request.header.requestId, request.moreToCome)
          : await this.handleQuery(request);
      if (reply && !this.closed) this.socket.write(reply);
    } catch (err) {
      // Only reply encoding can get here (commands turn their errors into replies).
      this.engine.logger.error({ err, connectionId: this.info.id }, 'failed to send reply');
      this.destroy();
    }
  }

  private async handleMsg(
    body: Document,
    requestId: number,
    moreToCome: boolean,
  ): Promise<Buffer | undefined> {
    const db = body.$db;
    const reply =
      typeof db === 'string'
        ? await runCommand(body, db, this.engine, this.info)
        : new EngineError(ErrorCode.FailedToParse, "OP_MSG command without '$db'").toReply();
    if (moreToCome) return undefined;
    return this.encode(requestId, reply, (r) => encodeMsgReply(requestId, r));
  }

  private async handleQuery(request: Extract<Request, { kind: 'query' }>): Promise<Buffer> {
    const { fullCollectionName, header } = request;
    if (!fullCollectionName.endsWith('.$cmd')) {
      return encodeOpReply(
        header.requestId,
        { $err: 'OP_QUERY is only supported for commands', code: 5739101 },
        REPLY_QUERY_FAILURE,
      );
    }
    const db = fullCollectionName.slice(0, -'.$cmd'.length);
    // Legacy drivers wrap the command as {$query: {...}, $readPreference: ...}.
    const inner: unknown = request.query.$query;
    const body =
      inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? (inner as Document)
        : request.query;
    const reply = await runCommand(body, db, this.engine, this.info);
    return this.encode(header.requestId, reply, (r) => encodeOpReply(header.requestId, r));
  }

  /** A reply that cannot be serialized (e.g. too large) becomes an error reply instead of a dead socket. */
  private encode(requestId: number, reply: Document, encoder: (doc: Document) => Buffer): Buffer {
    try {
      return encoder(reply);
    } catch (err) {
      this.engine.logger.error({ err, requestId }, 'reply could not be encoded');
      return encoder(
        new EngineError(
          ErrorCode.InternalError,
          `reply could not be encoded: ${(err as Error).message}`,
        ).toReply(),
      );
    }
  }
}
