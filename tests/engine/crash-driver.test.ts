// End-to-end crash safety: a child process runs the engine and writes through the driver; it is
// SIGKILLed at random moments (often mid-compaction, the threshold is tiny). After every restart each
// write the child saw acknowledged must be there. CRASH_CYCLES raises the number of cycles (default 20).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { startEmbeddedEngine } from '../../server/db/engine/index.js';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);
const FIXTURE = fileURLToPath(new URL('./fixtures/crash-engine-child.ts', import.meta.url));

type Acked = { inserted: string[]; counters: Map<string, number> };

let dataDir: string;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function startChild(cycle: number): {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<string>;
  exited: Promise<void>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, String(cycle), '16384'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice(6));
      else reject(new Error(`unexpected first line: ${line}`));
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`child exited before READY (${code ?? signal}): ${stderr}`)),
    );
  });
  return { child, ready, exited };
}

function collectAcks(child: ChildProcessWithoutNullStreams, acked: Acked): void {
  const rl = createInterface({ input: child.stdout });
  rl.on('line', (line) => {
    const [kind, id, n] = line.split(' ');
    if (kind === 'I' && id) acked.inserted.push(id);
    if (kind === 'U' && id) acked.counters.set(id, Math.max(acked.counters.get(id) ?? 0, Number(n)));
  });
}

async function verify(uri: string, acked: Acked): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db('crash');
    const present = new Set<string>();
    for (const d of await db
      .collection('docs')
      .find({}, { projection: { _id: 1 } })
      .toArray())
      present.add(String(d._id));
    const missing = acked.inserted.filter((id) => !present.has(id));
    expect(missing, 'acknowledged inserts missing after restart').toEqual([]);
    for (const [id, n] of acked.counters) {
      const doc = await db.collection('counters').findOne({ _id: id as never });
      expect(Number(doc?.n ?? 0), `counter ${id}`).toBeGreaterThanOrEqual(n);
    }
  } finally {
    await client.close();
  }
}

describe('crash safety through the driver', () => {
  it(
    `keeps every acknowledged write across ${CYCLES} SIGKILLs`,
    { timeout: 30_000 + CYCLES * 8_000 },
    async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'engine-crash-'));
      const acked: Acked = { inserted: [], counters: new Map() };
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const { child, ready, exited } = startChild(cycle);
        const uri = await ready; // the store opened cleanly and replayed everything
        await verify(uri, acked);
        collectAcks(child, acked);
        const before = acked.inserted.length;
        child.stdin.write('GO\n');
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 400));
        child.kill('SIGKILL');
        await exited;
        expect(acked.inserted.length, 'the child made progress before being killed').toBeGreaterThanOrEqual(
          before,
        );
      }
      // The last child was killed, so the store takes over its stale lock (and says so): keep that quiet.
      const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
      const engine = await startEmbeddedEngine({ dataDir, port: 0, logger: quiet });
      try {
        await verify(engine.uri, acked);
      } finally {
        await engine.close();
      }
      expect(acked.inserted.length).toBeGreaterThan(CYCLES);
    },
  );
});
