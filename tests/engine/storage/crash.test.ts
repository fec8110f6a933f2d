import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDurableStore } from '../../../server/db/engine/storage/open-durable-store.js';
import { useTempDirs } from './store-test-helpers.js';

const newTempDir = useTempDirs();
const crashChild = fileURLToPath(new URL('./fixtures/crash-child.ts', import.meta.url));
const CYCLES = Number(process.env['CRASH_CYCLES'] ?? 20);

type CycleOutcome = { acked: number[]; killedDuringCompaction: boolean; compactions: number };

/**
 * Runs one child until it is SIGKILLed: most cycles after a random delay, every third one a moment
 * after it announced a compaction, so that some kills land inside compact().
 */
async function runAndKill(dataDir: string, cycle: number): Promise<CycleOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', crashChild, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const acked: number[] = [];
  let open = 0;
  let compactions = 0;
  const targetCompaction = cycle % 3 === 2 ? 1 + Math.floor(Math.random() * 3) : 0;
  const kill = (delayMs: number) => setTimeout(() => child.kill('SIGKILL'), delayMs);
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
    else if (line.startsWith('ready')) {
      if (!targetCompaction) kill(30 + Math.random() * 300);
      // A safety net: a targeted cycle whose child never reaches its compaction still ends.
      else kill(3_000);
    } else if (line === 'compact-start') {
      open += 1;
      compactions += 1;
      if (compactions === targetCompaction) kill(Math.random() * 5);
    } else if (line === 'compact-end') open -= 1;
  }
  const { code, signal } = await exited;
  if (signal !== 'SIGKILL') throw new Error(`child exited by itself (code ${code}):\n${stderr}`);
  // Every line the child wrote before dying has been read, so an unmatched start is a real interruption.
  return { acked, killedDuringCompaction: open > 0, compactions };
}

async function replayedSeqs(dataDir: string): Promise<Set<number>> {
  const seen = new Set<number>();
  const store = await openDurableStore({ dataDir }, (record) => {
    const seq = Number(record['seq']);
    if (seen.has(seq)) throw new Error(`record ${seq} replayed twice`);
    seen.add(seq);
  });
  await store.close();
  return seen;
}

describe('SIGKILL at random moments', () => {
  it(
    `never loses an acknowledged record (${CYCLES} cycles)`,
    async () => {
      const dataDir = newTempDir();
      const acked: number[] = [];
      let killedDuringCompaction = 0;
      let compactions = 0;
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        const outcome = await runAndKill(dataDir, cycle);
        acked.push(...outcome.acked);
        compactions += outcome.compactions;
        if (outcome.killedDuringCompaction) killedDuringCompaction += 1;

        const present = await replayedSeqs(dataDir);
        const missing = acked.filter((seq) => !present.has(seq));
        expect(missing, `cycle ${cycle}: acknowledged but missing`).toEqual([]);
        // Appends reach the disk in order, so the survivors are always 0..n-1: a hole means a record
        // was lost even if nobody had been told it was stored yet.
        const holes = [...present].filter((seq) => seq >= present.size);
        expect(holes, `cycle ${cycle}: records after a hole`).toEqual([]);
      }
      console.warn(
        `crash test: ${CYCLES} kills, ${acked.length} acknowledged records, ${compactions} compactions, ` +
          `${killedDuringCompaction} kills inside compact()`,
      );
      expect(acked.length).toBeGreaterThan(CYCLES * 10);
      expect(killedDuringCompaction).toBeGreaterThan(0);
    },
    Math.max(90_000, CYCLES * 4_000),
  );
});
