// Respondent API under load: autosave PUTs and session GETs at 50 concurrent loopback connections against
// the real app (createApp + embedded engine with fsync'ed writes, in a temp dir), next to a bare
// node:http echo server measured in the same run. Prints figures; asserts nothing.
// Run: npx tsx bench/respond.bench.ts   (RESPOND_BENCH_SECONDS=5 by default per phase)
//
// `cpuMsPerRequest` is this process's CPU time (app + embedded engine; the load generator is a separate
// process) per request: unlike req/s it hardly depends on what else the machine is doing, and
// 1000 / cpuMsPerRequest is roughly what one otherwise idle core could serve.
// RESPOND_BENCH_PROFILE=<dir> writes a CPU profile of the autosave phase there.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../server/app.js';
import { loadFramework } from '../server/framework/load-framework.js';
import { createRespondContext } from '../server/respond/respond.context.js';
import { createRespondent } from '../server/respond/respondents.service.js';
import { startAutosaveFloorServer } from './autosave-floor.js';
import { measureHttpBaseline, runLoad, type LoadPlan, type LoadResult } from './http-baseline.js';
import { openBenchApp, projectRoot, questionnaireDir } from './bench-app.js';

const RESPONDENTS = 1_002; // 334 investigations × (1 gemeente + 2 partners)
const CONNECTIONS = 50;

export type RespondBenchResult = {
  baseline: LoadResult;
  autosave: LoadResult & { cpuMsPerRequest: number };
  session: LoadResult & { cpuMsPerRequest: number };
  /** The same two database round trips per autosave through the raw driver behind bare node:http. */
  floor: LoadResult & { cpuMsPerRequest: number };
};

export async function runRespondBench(
  options: { seconds?: number; maxRequests?: number } = {},
): Promise<RespondBenchResult> {
  const durationMs = (options.seconds ?? Number(process.env.RESPOND_BENCH_SECONDS ?? 5)) * 1000;
  const maxRequests = options.maxRequests ?? 50_000;
  const { config, logger, database, close } = await openBenchApp('respond');
  try {
    const framework = await loadFramework(questionnaireDir);
    const ctx = createRespondContext({ connection: database.connection, config, framework });
    const app = createApp({ config, logger, connection: database.connection, questionnaires: framework });
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const seedStart = performance.now();
    const paths = await seedRespondents(ctx);
    console.log(`seeded ${paths.length} respondents in ${Math.round(performance.now() - seedStart)} ms`);

    const baseline = await measureHttpBaseline({ connections: CONNECTIONS, durationMs, maxRequests });
    const answers = (await import(
      pathToFileURL(
        path.join(projectRoot, 'tests/fixtures/frameworks/ggsr-answers/gemeente-integrale-aanpak.json'),
      ).href,
      { with: { type: 'json' } }
    )) as { default: Record<string, unknown> };
    // Only municipality respondents: they answer the full questionnaire (about 5 KB of realistic answers).
    const gemeentePaths = paths.filter((_, i) => i % 3 === 0);
    const data = { ...answers.default, documenten: [] };
    const autosavePlan: LoadPlan = {
      kind: 'autosave',
      paths: gemeentePaths,
      data,
      changingKey: 'aanpak_beschrijving',
    };
    // Warm-up on reads, so the autosave phase starts at revision 0 of every respondent.
    await runLoad({
      baseUrl,
      plan: { kind: 'get', paths },
      connections: CONNECTIONS,
      durationMs: 1000,
      maxRequests: 2000,
    });
    const autosave = await measured(
      () => runLoad({ baseUrl, plan: autosavePlan, connections: CONNECTIONS, durationMs, maxRequests }),
      'autosave',
    );
    const session = await measured(() =>
      runLoad({ baseUrl, plan: { kind: 'get', paths }, connections: CONNECTIONS, durationMs, maxRequests }),
    );

    // Other respondents than the app's autosave phase, so both start at revision 0.
    const floorServer = await startAutosaveFloorServer(database.connection);
    const floorPlan: LoadPlan = { ...autosavePlan, paths: paths.filter((_, i) => i % 3 === 1) };
    const floor = await measured(() =>
      runLoad({
        baseUrl: floorServer.url,
        plan: floorPlan,
        connections: CONNECTIONS,
        durationMs,
        maxRequests,
      }),
    );
    await floorServer.close();

    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = { baseline, autosave, session, floor };
    printResult(result);
    return result;
  } finally {
    await close();
  }
}

async function seedRespondents(ctx: ReturnType<typeof createRespondContext>): Promise<string[]> {
  const paths: string[] = [];
  const investigations = Math.ceil(RESPONDENTS / 3);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < investigations) {
      const i = next++;
      const investigation = await ctx.models.Investigation.create({
        municipality: `Gemeente ${i}`,
        approach: 'Sociale wijkteams',
        year: 2025,
      });
      for (const [role, organisation] of [
        ['gemeente', `Gemeente ${i}`],
        ['netwerkpartner', 'GGD'],
        ['netwerkpartner', 'Politie'],
      ] as const) {
        const { link } = await createRespondent(ctx, investigation._id, {
          role,
          organisation,
          email: 'bench@example.nl',
        });
        paths[i * 3 + (role === 'gemeente' ? 0 : organisation === 'GGD' ? 1 : 2)] =
          `/api/respond/${link.slice(link.lastIndexOf('/') + 1)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return paths;
}

async function measured(
  run: () => Promise<LoadResult>,
  profileName?: string,
): Promise<LoadResult & { cpuMsPerRequest: number }> {
  const profileDir = process.env.RESPOND_BENCH_PROFILE;
  const session = profileDir && profileName ? new Session() : undefined;
  if (session) {
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.start');
  }
  const before = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(before);
  if (session && profileDir && profileName) {
    const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
    await writeFile(path.join(profileDir, `${profileName}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { ...result, cpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.requests)) * 1000) / 1000 };
}

function post(session: Session, method: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    session.post(method, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function printResult({ baseline, autosave, session, floor }: RespondBenchResult): void {
  const row = (name: string, r: LoadResult & { cpuMsPerRequest?: number }) =>
    `${name.padEnd(28)} ${String(r.requestsPerSecond).padStart(7)} req/s  p50 ${r.p50Ms.toFixed(2).padStart(7)} ms  p99 ${r.p99Ms.toFixed(2).padStart(7)} ms  ${r.cpuMsPerRequest === undefined ? '' : `cpu ${r.cpuMsPerRequest.toFixed(3)} ms/req  `}${JSON.stringify(r.statuses)}`;
  console.log(`${CONNECTIONS} connections, loopback`);
  console.log(row('node:http echo (baseline)', baseline));
  console.log(row('PUT /api/respond/:token', autosave));
  console.log(row('GET /api/respond/:token', session));
  console.log(row('autosave floor (raw driver)', floor));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runRespondBench();
}
