import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Document } from 'bson';
import { afterEach } from 'vitest';
import { openDurableStore } from '../../../server/db/engine/storage/open-durable-store.js';
import type {
  LocalDurableStore,
  LocalDurableStoreOptions,
} from '../../../server/db/engine/storage/store-options.js';

/** Fresh directories under the OS temp dir, removed after each test. */
export function useTempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'durable-store-test-'));
    dirs.push(dir);
    return dir;
  };
}

export type OpenedStore = { store: LocalDurableStore; replayed: Document[] };

export async function openCollecting(
  dataDir: string,
  options: Partial<LocalDurableStoreOptions> = {},
): Promise<OpenedStore> {
  const replayed: Document[] = [];
  const store = await openDurableStore({ dataDir, ...options }, (record) => replayed.push(record));
  return { store, replayed };
}

/** What reopening after a crash would find: the files as they are now, minus our live lock. */
export function copyDataDir(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (path) => basename(path) !== 'LOCK' });
}

export type LogEntry = { level: 'info' | 'warn' | 'error'; obj: object; msg?: string };

export function recordingLogger(): {
  entries: LogEntry[];
  logger: NonNullable<LocalDurableStoreOptions['logger']>;
} {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (obj: object, msg?: string) => entries.push({ level, obj, msg });
  return { entries, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

export const seqs = (records: readonly Document[]): number[] =>
  records.map((record) => Number(record['seq']));

export const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from }, (_, index) => from + index);
