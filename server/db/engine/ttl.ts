// TTL monitor: like mongod's, a periodic pass deletes documents whose indexed date field (or earliest
// date in an array) is older than the index's expireAfterSeconds. Deletions are journaled like any write.
import type { Document } from 'bson';
import type { Catalog } from './catalog/catalog.js';
import { pathValues } from './catalog/index-key.js';
import type { EngineLogger } from './index.js';
import type { Journal } from './journal.js';
import { WriteBatch } from './commands/write-batch.js';

function expiresAt(doc: Document, field: string, seconds: number): number | undefined {
  let earliest: number | undefined;
  for (const v of pathValues(doc, field)) {
    if (v instanceof Date && (earliest === undefined || v.getTime() < earliest)) earliest = v.getTime();
  }
  return earliest === undefined ? undefined : earliest + seconds * 1000;
}

export class TtlMonitor {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<number> | undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly journal: Journal,
    private readonly logger: EngineLogger,
    intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  /** One pass; returns the number of documents deleted. Overlapping calls share the running pass. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    if (this.journal.failed) return 0;
    const batch = new WriteBatch();
    const now = this.now();
    let deleted = 0;
    for (const colls of this.catalog.databases.values()) {
      for (const coll of colls.values()) {
        for (const index of coll.indexes.values()) {
          const seconds = index.spec.expireAfterSeconds;
          if (seconds === undefined) continue;
          const field = index.fields[0] as string;
          for (const doc of [...coll.docs.values()]) {
            const at = expiresAt(doc, field, seconds);
            if (at === undefined || at > now) continue;
            coll.delete(doc._id);
            batch.delete(coll.db, coll.name, doc._id);
            deleted++;
          }
        }
      }
    }
    try {
      await this.journal.append(batch.records);
    } catch (err) {
      this.logger.error({ err }, 'TTL deletions could not be journaled');
    }
    return deleted;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
