// A loopback HTTP load generator that runs in a child process (so neither its event loop nor its CPU time
// mixes with the server it measures), and a bare node:http echo server measured with it: the machine's
// ceiling in the same run.
// Run: npx tsx bench/http-baseline.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';

export type LoadPlan =
  /** GET `path` for every request. */
  | { kind: 'get'; paths: string[] }
  /**
   * PUT `{data, currentPageNo, revision}` to `paths` (one respondent each). Each connection owns its own
   * respondents and carries their revision forward, as one browser tab would.
   */
  | { kind: 'autosave'; paths: string[]; data: Record<string, unknown>; changingKey: string };

export type LoadOptions = {
  baseUrl: string;
  plan: LoadPlan;
  connections: number;
  durationMs: number;
  maxRequests: number;
};

export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
};

// Plain CommonJS run with `node -e`, so the generator needs no TypeScript loader.
const generatorSource = `
const http = require('node:http');
const { host, port, connections, durationMs, maxRequests, plan } = JSON.parse(process.env.LOAD_OPTIONS);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
const statuses = {};
let started = 0;

function send(method, path, payload) {
  return new Promise((resolve, reject) => {
    const headers = payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
    const req = http.request({ host, port, method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function connection(index, deadline) {
  // Autosave needs disjoint respondents per connection; reads may share paths.
  const own = plan.paths.filter((_, i) => i % connections === index);
  const mine = plan.kind === 'get' && own.length === 0 ? plan.paths : own;
  const revisions = new Map();
  let n = 0;
  while (started < maxRequests && performance.now() < deadline && mine.length > 0) {
    started += 1;
    const path = mine[n % mine.length];
    n += 1;
    const t0 = performance.now();
    let res;
    if (plan.kind === 'get') {
      res = await send('GET', path);
    } else {
      const data = { ...plan.data, [plan.changingKey]: 'wijziging ' + n };
      res = await send('PUT', path, JSON.stringify({ data, currentPageNo: 1, revision: revisions.get(path) ?? 0 }));
      if (res.status === 200) revisions.set(path, JSON.parse(res.body).revision);
      else if (res.status === 409) revisions.set(path, JSON.parse(res.body).response.revision);
    }
    latencies.push(performance.now() - t0);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
}

const start = performance.now();
Promise.all(Array.from({ length: connections }, (_, i) => connection(i, start + durationMs))).then(() => {
  const elapsed = performance.now() - start;
  agent.destroy();
  process.stdout.write(JSON.stringify({ elapsed, latencies, statuses }));
}, (err) => { console.error(err); process.exit(1); });
`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const options_ = {
    host: url.hostname,
    port: Number(url.port),
    connections: options.connections,
    durationMs: options.durationMs,
    maxRequests: options.maxRequests,
    plan: options.plan,
  };
  const child = spawn(process.execPath, ['-e', generatorSource], {
    env: { ...process.env, LOAD_OPTIONS: JSON.stringify(options_) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('exit', resolve);
    child.once('error', reject);
  });
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  const message = JSON.parse(output) as {
    elapsed: number;
    latencies: number[];
    statuses: Record<string, number>;
  };
  const sorted = [...message.latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    requestsPerSecond: Math.round(sorted.length / (message.elapsed / 1000)),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
    statuses: message.statuses,
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** A bare node:http server answering every request with a small JSON body, loaded like the app. */
export async function measureHttpBaseline(
  options: Pick<LoadOptions, 'connections' | 'durationMs' | 'maxRequests'>,
): Promise<LoadResult> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"revision":1,"savedAt":"2025-01-01T00:00:00.000Z"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await runLoad({
      baseUrl: `http://127.0.0.1:${port}`,
      plan: { kind: 'get', paths: ['/echo'] },
      ...options,
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await measureHttpBaseline({ connections: 50, durationMs: 3000, maxRequests: 100_000 }));
}
