/** append() after close() was called. */
export class StoreClosedError extends Error {
  constructor(readonly dataDir: string) {
    super(`Durable store ${dataDir} is closed`);
    this.name = 'StoreClosedError';
  }
}

/**
 * A journal write or fsync failed. After a failed fsync the kernel may have dropped the dirty pages, so
 * retrying could acknowledge data that is not on disk: the store refuses every later append instead and
 * must be reopened (which replays what really is on disk).
 */
export class StoreFailedError extends Error {
  constructor(
    readonly dataDir: string,
    override readonly cause: unknown,
  ) {
    super(`Durable store ${dataDir} failed and accepts no more writes: ${describe(cause)}`);
    this.name = 'StoreFailedError';
  }
}

/** The on-disk data cannot be replayed without losing acknowledged records; an operator has to look. */
export class StoreCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    detail: string,
  ) {
    super(`Durable store file ${file} is corrupt at byte ${offset}: ${detail}`);
    this.name = 'StoreCorruptError';
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
