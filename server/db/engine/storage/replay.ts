import { open, readdir, rename, type FileHandle } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { DeserializeOptions } from 'bson';
import type { ReplayRecord } from './durable-store.js';
import { findIntactFrameAfter, scanFrames } from './frame-scanner.js';
import { fsyncDirectory, removeIfPresent } from './fs-util.js';
import { classifyDataDir, FIRST_GENERATION, type DataDirListing } from './generations.js';
import { createJournal, type JournalFile } from './journal-writer.js';
import { decodeRecord } from './record-codec.js';
import { checkSnapshot, readSnapshotRecords } from './snapshot-file.js';
import { StoreCorruptError } from './store-errors.js';
import type { ReplayStats, StoreLogger } from './store-options.js';

export type Recovered = { journal: JournalFile; stats: ReplayStats };

type RecoveryOptions = { deserializeOptions: DeserializeOptions; logger?: StoreLogger };

type Plan = {
  snapshot?: { generation: number; path: string; records: number };
  /** First journal to replay; every journal from here to the newest exists. */
  fromGeneration: number;
  /** Snapshots that claim completeness but fail verification; kept aside for inspection. */
  corruptSnapshots: string[];
};

/**
 * Rebuilds the engine's state from the newest complete snapshot and the journals after it, repairs a
 * torn journal tail, finishes an interrupted compaction's clean-up and returns the journal to append to.
 */
export async function recoverDataDir(
  dir: string,
  replay: ReplayRecord,
  options: RecoveryOptions,
): Promise<Recovered> {
  const started = performance.now();
  const stats: ReplayStats = { snapshotRecords: 0, journalRecords: 0, truncatedBytes: 0, durationMs: 0 };
  const listing = classifyDataDir(dir, await readdir(dir));
  for (const tmp of listing.tmpFiles) {
    await removeIfPresent(tmp);
    options.logger?.info({ file: tmp }, 'removed an unfinished snapshot');
  }

  if (listing.journals.size === 0 && listing.snapshots.size === 0) {
    const journal = await createJournal(dir, FIRST_GENERATION);
    stats.durationMs = performance.now() - started;
    return { journal, stats };
  }

  const plan = await planRecovery(dir, listing, options.logger);
  const decode = (payload: Buffer) => decodeRecord(payload, options.deserializeOptions);
  if (plan.snapshot) {
    await readSnapshotRecords(plan.snapshot.path, plan.snapshot.records, (payload) =>
      replay(decode(payload)),
    );
    stats.snapshotRecords = plan.snapshot.records;
  }

  const newest = Math.max(...listing.journals.keys());
  let current: JournalFile | undefined;
  for (let generation = plan.fromGeneration; generation <= newest; generation += 1) {
    const path = listing.journals.get(generation)!;
    const handle = await open(path, 'r+');
    try {
      const journalContext = { path, listing, generation, newest, logger: options.logger };
      const size = await replayJournal(handle, journalContext, (payload) => {
        replay(decode(payload));
        stats.journalRecords += 1;
      });
      stats.truncatedBytes += size.truncated;
      if (generation === newest) {
        current = { generation, path, handle, durableBytes: size.kept, appendedBytes: size.kept };
      }
    } finally {
      if (current?.handle !== handle) await handle.close();
    }
  }

  try {
    await finishCleanup(dir, listing, plan, options.logger);
  } catch (error) {
    await current!.handle.close();
    throw error;
  }
  stats.durationMs = performance.now() - started;
  return { journal: current!, stats };
}

async function planRecovery(dir: string, listing: DataDirListing, logger?: StoreLogger): Promise<Plan> {
  const newest = Math.max(...listing.journals.keys());
  const hasJournalsFrom = (generation: number) => {
    for (let g = generation; g <= newest; g += 1) if (!listing.journals.has(g)) return false;
    return listing.journals.size > 0;
  };
  const corruptSnapshots: string[] = [];
  for (const generation of [...listing.snapshots.keys()].sort((a, b) => b - a)) {
    const path = listing.snapshots.get(generation)!;
    if (!hasJournalsFrom(generation)) {
      logger?.error({ file: path }, 'snapshot skipped: a journal from its generation on is missing');
      continue;
    }
    const check = await checkSnapshot(path, generation);
    if (check.complete) {
      return {
        snapshot: { generation, path, records: check.records },
        fromGeneration: generation,
        corruptSnapshots,
      };
    }
    logger?.error(
      { file: path, reason: check.reason },
      'snapshot is damaged; falling back to an older generation',
    );
    corruptSnapshots.push(path);
  }
  if (hasJournalsFrom(FIRST_GENERATION)) return { fromGeneration: FIRST_GENERATION, corruptSnapshots };
  throw new StoreCorruptError(
    dir,
    0,
    `no usable snapshot and the journals do not reach back to generation ${FIRST_GENERATION} ` +
      `(journals: ${[...listing.journals.keys()].join(', ') || 'none'}; ` +
      `snapshots: ${[...listing.snapshots.keys()].join(', ') || 'none'})`,
  );
}

/**
 * Replays one journal. A bad frame with nothing intact after it is the torn tail of a write that was
 * never acknowledged and is cut off; anything else means acknowledged data is damaged, and silently
 * dropping the rest of the journal would lose it, so recovery stops with an error instead.
 */
async function replayJournal(
  handle: FileHandle,
  context: {
    path: string;
    listing: DataDirListing;
    generation: number;
    newest: number;
    logger?: StoreLogger;
  },
  onRecord: (payload: Buffer) => void,
): Promise<{ kept: number; truncated: number }> {
  const { path, listing, generation, newest } = context;
  const { size } = await handle.stat();
  const scan = await scanFrames(handle, size, onRecord);
  if (!scan.problem) return { kept: size, truncated: 0 };

  const { offset, reason } = scan.problem;
  const intact = await findIntactFrameAfter(handle, size, offset + 1);
  if (intact !== null) {
    throw new StoreCorruptError(
      path,
      offset,
      `${reason}, yet an intact record follows at byte ${intact}; this is damage, not a torn write, ` +
        'so the store refuses to open rather than drop acknowledged records (restore from a backup ' +
        'or move the damaged bytes aside by hand)',
    );
  }
  for (let later = generation + 1; later <= newest; later += 1) {
    const laterPath = listing.journals.get(later)!;
    const laterHandle = await open(laterPath, 'r');
    const laterSize = (await laterHandle.stat()).size;
    await laterHandle.close();
    // Rounds are written one after another, so a torn round in an older journal with data in a newer
    // one cannot come from a crash.
    if (laterSize > 0) {
      throw new StoreCorruptError(
        path,
        offset,
        `${reason}, but the newer journal ${laterPath} holds records`,
      );
    }
  }
  await handle.truncate(offset);
  await handle.sync();
  context.logger?.warn(
    { file: path, offset, droppedBytes: size - offset, reason },
    'cut off a torn journal tail (a write that was never acknowledged)',
  );
  return { kept: offset, truncated: size - offset };
}

async function finishCleanup(dir: string, listing: DataDirListing, plan: Plan, logger?: StoreLogger) {
  let changed = false;
  for (const path of plan.corruptSnapshots) {
    const aside = `${path}.corrupt-${Date.now()}`;
    await rename(path, aside);
    logger?.error({ file: aside }, 'damaged snapshot moved aside');
    changed = true;
  }
  // Generations before the replayed one are what an interrupted compaction had not yet deleted.
  for (const files of [listing.snapshots, listing.journals]) {
    for (const [generation, path] of files) {
      if (generation >= plan.fromGeneration || plan.corruptSnapshots.includes(path)) continue;
      await removeIfPresent(path);
      changed = true;
    }
  }
  if (changed || listing.tmpFiles.length > 0) await fsyncDirectory(dir);
}
