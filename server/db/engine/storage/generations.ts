import { join } from 'node:path';

/**
 * Generation N is `snapshot-N.bson` (state at the start of N; absent for the first generation) followed
 * by `journal-N.log` (records appended during N). A `.tmp` snapshot is one being written.
 */
export const FIRST_GENERATION = 1;

export const journalName = (generation: number) => `journal-${generation}.log`;
export const snapshotName = (generation: number) => `snapshot-${generation}.bson`;
export const snapshotTmpName = (generation: number) => `snapshot-${generation}.tmp`;

export type DataDirListing = {
  journals: Map<number, string>;
  snapshots: Map<number, string>;
  /** Unfinished snapshots; never replayed. */
  tmpFiles: string[];
};

const PATTERNS: { re: RegExp; kind: 'journal' | 'snapshot' | 'tmp' }[] = [
  { re: /^journal-(\d+)\.log$/, kind: 'journal' },
  { re: /^snapshot-(\d+)\.bson$/, kind: 'snapshot' },
  { re: /^snapshot-(\d+)\.tmp$/, kind: 'tmp' },
];

/** Files the store does not recognise are left alone: the directory may hold other things. */
export function classifyDataDir(dir: string, names: readonly string[]): DataDirListing {
  const listing: DataDirListing = { journals: new Map(), snapshots: new Map(), tmpFiles: [] };
  for (const name of names) {
    for (const { re, kind } of PATTERNS) {
      const match = re.exec(name);
      if (!match?.[1]) continue;
      const generation = Number(match[1]);
      if (!Number.isSafeInteger(generation)) continue;
      const path = join(dir, name);
      if (kind === 'journal') listing.journals.set(generation, path);
      else if (kind === 'snapshot') listing.snapshots.set(generation, path);
      else listing.tmpFiles.push(path);
    }
  }
  return listing;
}
