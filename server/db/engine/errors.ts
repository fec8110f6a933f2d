// MongoDB error codes the engine reports, and the error type every command handler throws.
import type { Document } from 'bson';

export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  OperationNotSupportedInTransaction: 263,
  DuplicateKey: 11000,
  UnrecognizedPipelineStage: 40324,
  NotWritablePrimary: 10107,
} as const;

const CODE_NAMES: Record<number, string> = {
  1: 'InternalError',
  2: 'BadValue',
  9: 'FailedToParse',
  13: 'Unauthorized',
  14: 'TypeMismatch',
  16: 'InvalidLength',
  20: 'IllegalOperation',
  26: 'NamespaceNotFound',
  27: 'IndexNotFound',
  28: 'PathNotViable',
  43: 'CursorNotFound',
  48: 'NamespaceExists',
  59: 'CommandNotFound',
  66: 'ImmutableField',
  67: 'CannotCreateIndex',
  72: 'InvalidOptions',
  73: 'InvalidNamespace',
  85: 'IndexOptionsConflict',
  86: 'IndexKeySpecsConflict',
  115: 'CommandNotSupported',
  263: 'OperationNotSupportedInTransaction',
  10107: 'NotWritablePrimary',
  11000: 'DuplicateKey',
  40324: 'Location40324',
};

export function codeName(code: number): string {
  return CODE_NAMES[code] ?? 'UnknownError';
}

/** A command failure that becomes `{ok: 0, errmsg, code, codeName, ...extra}`. */
export class EngineError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
    this.name = 'EngineError';
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: codeName(this.code), ...this.extra };
  }

  /** Shape used inside `writeErrors`. */
  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

export function badValue(message: string): EngineError {
  return new EngineError(ErrorCode.BadValue, message);
}

export function typeMismatch(message: string): EngineError {
  return new EngineError(ErrorCode.TypeMismatch, message);
}

export function notSupported(message: string): EngineError {
  return new EngineError(ErrorCode.CommandNotSupported, `${message} is not supported by the embedded engine`);
}

/**
 * Maps anything thrown while evaluating a command to an EngineError: mingo reports invalid queries,
 * unknown operators and bad update paths with plain Errors, which are the client's fault (BadValue).
 */
export function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  if (err instanceof Error && (err.name === 'MingoError' || err.constructor.name === 'MingoError')) {
    if (err.message.includes('immutable field'))
      return new EngineError(ErrorCode.ImmutableField, err.message);
    return new EngineError(ErrorCode.BadValue, err.message);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new EngineError(ErrorCode.InternalError, `internal error: ${message}`);
}
