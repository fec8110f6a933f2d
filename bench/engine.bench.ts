// Embedded engine throughput through Mongoose (the app's path), next to a bare node:http echo server
// measured in the same run as this machine's baseline. Prints figures; asserts nothing.
// Run: npx tsx bench/engine.bench.ts
// `…CpuMicros` figures are CPU time per operation (client + engine + server in this one process): unlike
// ops/s they barely depend on what else the machine is doing.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mongoose, { Schema } from 'mongoose';
import { startEmbeddedEngine } from '../server/db/engine/index.js';

export type EngineBenchResult = Record<string, number>;

/** CPU microseconds per operation of the last `measure` (client and engine share this process). */
let lastCpuMicrosPerOp = 0;

/** Runs `op` until `count` operations or `maxMs` elapsed, with `concurrency` workers; returns ops/s. */
async function measure(
  count: number,
  maxMs: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  let done = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + maxMs;
  const worker = async (): Promise<void> => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      await op(i);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  lastCpuMicrosPerOp = (cpu.user + cpu.system) / Math.max(1, done);
  return done / ((performance.now() - start) / 1000);
}

async function httpEchoBaseline(): Promise<number> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const body = JSON.stringify({ hello: 'world' });
  const once = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/echo',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    await measure(500, 2000, 16, once); // warm-up
    return await measure(20_000, 3000, 16, once);
  } finally {
    agent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function runEngineBench(): Promise<EngineBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'engine-bench-'));
  const engine = await startEmbeddedEngine({ dataDir, port: 0 });
  const conn = await mongoose
    .createConnection(engine.uri, {
      dbName: 'bench',
      writeConcern: { w: 'majority', j: true },
      maxPoolSize: 100,
    })
    .asPromise();
  const results: EngineBenchResult = {};
  try {
    const Item = conn.model(
      'Item',
      new Schema(
        { key: { type: String, unique: true }, n: Number, payload: String },
        { optimisticConcurrency: true },
      ),
    );
    await Item.init();
    const payload = 'x'.repeat(200);

    // Warm the JIT and the connection pool first: cold runs measured up to 40 % lower.
    await measure(5000, 4000, 64, (i) => Item.create({ key: `w${i}`, n: i, payload }));
    results.sequentialInsertsPerSec = await measure(3000, 4000, 1, (i) =>
      Item.create({ key: `s${i}`, n: i, payload }),
    );
    results.sequentialInsertCpuMicros = lastCpuMicrosPerOp;
    results.concurrentInsertsPerSec = await measure(20_000, 5000, 64, (i) =>
      Item.create({ key: `c${i}`, n: i, payload }),
    );
    results.concurrentInsertCpuMicros = lastCpuMicrosPerOp;

    const keys = (await Item.find({}, { key: 1 }).lean()).map((d) => d.key as string);
    const pick = (i: number): string => keys[(i * 7919) % keys.length] as string;
    // Steady state: the first few thousand lookups run at about half speed while the JIT settles.
    await measure(5000, 3000, 1, (i) => Item.findOne({ key: pick(i) }).lean());
    results.indexedFindOnePerSec = await measure(20_000, 4000, 1, (i) =>
      Item.findOne({ key: pick(i) }).lean(),
    );
    results.indexedFindOneCpuMicros = lastCpuMicrosPerOp;
    results.indexedFindOneConcurrent16PerSec = await measure(40_000, 4000, 16, (i) =>
      Item.findOne({ key: pick(i) }).lean(),
    );

    const docs = await Item.find({}, { _id: 1, __v: 1 }).limit(2000).lean();
    const versions = new Map(docs.map((d) => [String(d._id), (d.__v as number) ?? 0]));
    const ids = docs.map((d) => d._id);
    results.versionedFindOneAndUpdatePerSec = await measure(20_000, 4000, 1, async (i) => {
      const id = ids[i % ids.length];
      const v = versions.get(String(id)) ?? 0;
      const updated = await Item.findOneAndUpdate(
        { _id: id, __v: v },
        { $inc: { n: 1, __v: 1 } },
        { returnDocument: 'after', projection: { __v: 1 } },
      ).lean();
      if (updated) versions.set(String(id), updated.__v as number);
    });
    results.versionedFindOneAndUpdateCpuMicros = lastCpuMicrosPerOp;

    results.httpEchoBaselineReqPerSec = await httpEchoBaseline();
    results.httpEchoCpuMicros = lastCpuMicrosPerOp;
  } finally {
    await conn.close();
    await engine.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await runEngineBench();
  for (const [name, value] of Object.entries(results))
    console.log(`${name.padEnd(36)} ${Math.round(value).toLocaleString('en')}`);
}
