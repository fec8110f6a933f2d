// What a command handler gets: the engine's shared state, the target database and the connection, plus
// small argument parsers that produce MongoDB's error codes for malformed commands.
import type { Document } from 'bson';
import { Long } from 'bson';
import type { Catalog } from '../catalog/catalog.js';
import { validateCollName } from '../catalog/catalog.js';
import { isPlainObject, numericValue } from '../bson-values.js';
import type { CursorManager } from '../cursors.js';
import { EngineError, ErrorCode } from '../errors.js';
import type { EngineLogger } from '../index.js';
import type { Journal } from '../journal.js';

export type EngineState = {
  readonly catalog: Catalog;
  readonly cursors: CursorManager;
  readonly journal: Journal;
  readonly logger: EngineLogger;
  readonly startedAt: number;
  readonly connections: { current: number; totalCreated: number };
  readonly address: { host: string; port: number };
};

export type ConnectionInfo = { readonly id: number; readonly remote: string };

export type CommandContext = {
  readonly engine: EngineState;
  readonly db: string;
  readonly conn: ConnectionInfo;
};

export type CommandHandler = (cmd: Document, ctx: CommandContext) => Document | Promise<Document>;

/** The collection named by the command's first field (`{find: "users", ...}`). */
export function collectionArg(cmd: Document, name: string): string {
  const v: unknown = cmd[name];
  if (typeof v !== 'string') {
    throw new EngineError(ErrorCode.InvalidNamespace, `collection name has invalid type ${typeof v}`);
  }
  return validateCollName(v);
}

export function optionalDocument(cmd: Document, field: string): Document | undefined {
  const v: unknown = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) throw new EngineError(ErrorCode.TypeMismatch, `'${field}' must be an object`);
  return v;
}

export function optionalInt(cmd: Document, field: string): number | undefined {
  const v: unknown = cmd[field];
  if (v === undefined || v === null) return undefined;
  const n = numericValue(v);
  if (n === undefined || !Number.isInteger(n))
    throw new EngineError(ErrorCode.TypeMismatch, `'${field}' must be an integer`);
  return n;
}

export function optionalBool(cmd: Document, field: string, fallback: boolean): boolean {
  const v: unknown = cmd[field];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'boolean') return v;
  const n = numericValue(v);
  if (n !== undefined) return n !== 0;
  throw new EngineError(ErrorCode.TypeMismatch, `'${field}' must be a boolean`);
}

export function requireArray(cmd: Document, field: string): unknown[] {
  const v: unknown = cmd[field];
  if (!Array.isArray(v)) throw new EngineError(ErrorCode.FailedToParse, `'${field}' must be an array`);
  return v;
}

export function cursorIdArg(v: unknown, field: string): Long {
  if (v instanceof Long) return v;
  const n = numericValue(v);
  if (n === undefined || !Number.isInteger(n))
    throw new EngineError(ErrorCode.TypeMismatch, `'${field}' must be a cursor id (int64)`);
  return Long.fromNumber(n);
}

/** Collations other than the simple binary one would change string comparison: refuse them. */
export function rejectCollation(cmd: Document): void {
  const c: unknown = cmd.collation;
  if (c === undefined || c === null) return;
  if (isPlainObject(c) && (Object.keys(c).length === 0 || c.locale === 'simple')) return;
  throw new EngineError(ErrorCode.CommandNotSupported, 'collation is not supported by the embedded engine');
}
