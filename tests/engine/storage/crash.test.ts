import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDurableStore } from '../../../server/db/engine/storage/open-durable-store.js';
import { useTempDirs } from './store-test-helpers.js';

const newTempDir = useTempDirs();
const crashChild = fileURLToPath(new URL('./fixtures/crash-child.ts', import.meta.url));
const CYCLES = Number(process.env['CRASH_CYCLES'] ?? 20);

type CycleOutcome = {
  acked: number[];
  killedDuringCompaction: boolean;
  compactions: number;
  completed: number;
};

type Child = {
  process: ChildProcess;
  lines: AsyncIterator<string>;
  stderr: () => string;
  exited: Promise<Exit>;
};
type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** Starts a child that loads its modules and then waits for "go" before touching the data directory. */
async function startChild(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', crashChild, dataDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return { process: child, lines, stderr: () => stderr, exited };
}

/**
 * Lets a started child run until it is SIGKILLed: most cycles after a random delay, every third one a
 * moment after it announced a compaction, so that some kills land inside compact().
 */
async function runAndKill(child: Child, cycle: number): Promise<CycleOutcome> {
  const acked: number[] = [];
  let open = 0;
  let compactions = 0;
  let completed = 0;
  const targetCompaction = cycle % 3 === 2 ? 1 + Math.floor(Math.random() * 2) : 0;
  const kill = (delayMs: number) => setTimeout(() => child.process.kill('SIGKILL'), delayMs);
  for (let next = await child.lines.next(); !next.done; next = await child.lines.next()) {
    const line = next.value;
    if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
    else if (line === 'loaded') child.process.stdin!.write('go\n');
    else if (line.startsWith('ready')) {
      if (!targetCompaction) kill(20 + Math.random() * 500);
      // A safety net: a targeted cycle whose child never reaches its compaction still ends.
      else kill(2_000);
    } else if (line === 'compact-start') {
      open += 1;
      compactions += 1;
      if (compactions === targetCompaction) kill(Math.random() * 5);
    } else if (line === 'compact-end') {
      open -= 1;
      completed += 1;
    }
  }
  const { code, signal } = await child.exited;
  if (signal !== 'SIGKILL') throw new Error(`child exited by itself (code ${code}):\n${child.stderr()}`);
  // Every line the child wrote before dying has been read, so an unmatched start is a real interruption.
  return { acked, killedDuringCompaction: open > 0, compactions, completed };
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
      let completed = 0;
      let standby = await startChild(dataDir);
      try {
        for (let cycle = 0; cycle < CYCLES; cycle += 1) {
          const current = standby;
          if (cycle + 1 < CYCLES) standby = await startChild(dataDir);
          const outcome = await runAndKill(current, cycle);
          acked.push(...outcome.acked);
          compactions += outcome.compactions;
          completed += outcome.completed;
          if (outcome.killedDuringCompaction) killedDuringCompaction += 1;

          const present = await replayedSeqs(dataDir);
          const missing = acked.filter((seq) => !present.has(seq));
          expect(missing, `cycle ${cycle}: acknowledged but missing`).toEqual([]);
          // Appends reach the disk in order, so the survivors are always 0..n-1: a hole means a record
          // was lost even if nobody had been told it was stored yet.
          const holes = [...present].filter((seq) => seq >= present.size);
          expect(holes, `cycle ${cycle}: records after a hole`).toEqual([]);
        }
      } finally {
        standby.process.kill('SIGKILL');
      }
      console.warn(
        `crash test: ${CYCLES} kills, ${acked.length} acknowledged records, ${compactions} compactions ` +
          `(${completed} completed), ` +
          `${killedDuringCompaction} kills inside compact()`,
      );
      expect(acked.length).toBeGreaterThan(CYCLES * 10);
      expect(killedDuringCompaction).toBeGreaterThan(0);
    },
    // About 1 s per cycle on an idle 2-core machine; the margin is for a machine busy with other work.
    Math.max(120_000, CYCLES * 6_000),
  );
});
