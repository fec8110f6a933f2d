// Public surface of the embedded engine. Implemented by the engine work; the app imports only this file.
export { DataDirLockedError } from './storage/durable-store.js';

export type EngineLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type EmbeddedEngineOptions = {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  logger?: EngineLogger;
};

export type EmbeddedEngine = {
  /** mongodb://host:port — what the driver connects to. */
  readonly uri: string;
  readonly port: number;
  /** Stops accepting connections, flushes the journal and releases the data directory. */
  close(): Promise<void>;
};

export async function startEmbeddedEngine(_options: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  throw new Error('embedded engine not implemented yet');
}
