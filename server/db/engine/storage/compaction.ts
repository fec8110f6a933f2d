/**
 * Compaction protocol. Generation N = snapshot-N.bson (absent for generation 1) + journal-N.log.
 *
 *   1. Create journal-(N+1).log, fsync it and the directory.
 *   2. In one synchronous step: call records() and encode every record, then point appends at
 *      journal N+1. Appends issued before this step are in the snapshot's state and queued for journal
 *      N (written there first); appends issued after it go to journal N+1 only. That exact cut is what
 *      keeps replay from applying a record twice or missing one.
 *   3. Write snapshot-(N+1).tmp (header frame, record frames, trailer with the count), fsync, rename to
 *      snapshot-(N+1).bson, fsync the directory. From here on generation N+1 alone is the truth.
 *   4. Once journal N has no queued writes left, close it and delete every file of generations <= N.
 *
 * Recovery picks the newest snapshot that verifies (trailer present, every checksum right) and whose
 * journals from its generation to the newest all exist, replays it and those journals in order, and
 * deletes .tmp files and older generations. Crash points:
 *   - before or during 1: journal N+1 is missing or empty -> snapshot N + journal N (+ empty N+1).
 *   - during 2-3: no snapshot-(N+1).bson (.tmp is deleted) -> snapshot N + journal N + journal N+1;
 *     journal N holds exactly the records the unfinished snapshot would have captured.
 *   - after the rename / during 4: snapshot N+1 + journal N+1; leftovers of N are deleted.
 * A failed compaction (full disk) leaves one of those states and the store keeps working.
 */
import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Document } from 'bson';
import { fsyncDirectory, removeIfPresent } from './fs-util.js';
import { classifyDataDir, snapshotName, snapshotTmpName } from './generations.js';
import { createJournal, type JournalWriter } from './journal-writer.js';
import { encodeSnapshot, writeSnapshotFile } from './snapshot-file.js';
import type { CompactionStep, StoreLogger } from './store-options.js';

export type CompactionContext = {
  dir: string;
  writer: JournalWriter;
  logger?: StoreLogger;
  onStep?: (step: CompactionStep) => void | Promise<void>;
};

/** Callers serialize compactions; two at once would race for the same generation. */
export async function compactGeneration(
  context: CompactionContext,
  records: () => Iterable<Document>,
): Promise<void> {
  const { dir, writer } = context;
  if (writer.failure) throw writer.failure;
  const started = performance.now();
  const previous = writer.current;
  const generation = previous.generation + 1;

  const journal = await createJournal(dir, generation);
  let snapshot: ReturnType<typeof encodeSnapshot>;
  try {
    await step(context, 'journal-created');
    snapshot = encodeSnapshot(records(), generation);
  } catch (error) {
    await journal.handle.close();
    await removeIfPresent(journal.path);
    throw error;
  }
  // No await between encoding the snapshot and this switch: see step 2 above.
  writer.switchTo(journal);

  try {
    await step(context, 'journal-switched');
    await writeSnapshot(context, generation, snapshot.chunks);
  } finally {
    await writer.settled(previous);
    await previous.handle.close();
  }
  await deleteOlderGenerations(context, generation);
  context.logger?.info(
    {
      generation,
      records: snapshot.records,
      snapshotBytes: snapshot.chunks.reduce((sum, chunk) => sum + chunk.length, 0),
      durationMs: Math.round(performance.now() - started),
    },
    'compacted the data directory',
  );
  await step(context, 'done');
}

async function step(context: CompactionContext, name: CompactionStep): Promise<void> {
  await context.onStep?.(name);
}

async function writeSnapshot(
  context: CompactionContext,
  generation: number,
  chunks: Buffer[],
): Promise<void> {
  const tmp = join(context.dir, snapshotTmpName(generation));
  let renamed = false;
  try {
    await writeSnapshotFile(
      tmp,
      chunks,
      context.onStep && (() => step(context, 'snapshot-partially-written')),
    );
    await step(context, 'snapshot-written');
    await rename(tmp, join(context.dir, snapshotName(generation)));
    renamed = true;
    await step(context, 'snapshot-renamed');
    await fsyncDirectory(context.dir);
  } catch (error) {
    if (!renamed) await removeIfPresent(tmp).catch(() => undefined);
    throw error;
  }
}

async function deleteOlderGenerations(context: CompactionContext, generation: number): Promise<void> {
  const listing = classifyDataDir(context.dir, await readdir(context.dir));
  for (const [kind, files] of [
    ['old-journal-deleted', listing.journals],
    ['old-snapshot-deleted', listing.snapshots],
  ] as const) {
    let deleted = false;
    for (const [older, path] of files) {
      if (older >= generation) continue;
      await removeIfPresent(path);
      deleted = true;
    }
    if (deleted) await step(context, kind);
  }
  await fsyncDirectory(context.dir);
}
