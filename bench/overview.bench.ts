// Overview of a year across 400 generated investigations (gemeente + 3 partners each, all submitted,
// about half judged) in a fresh embedded engine: the service call (fingerprints + judgments, analysis of
// what changed, matrix) and the same over HTTP (GET /api/overview with a session), each: first ever
// (nothing stored, memory empty: everything analysed and stored), cold (a new process or instance:
// memory empty, summaries stored in the database), warm (memory filled, nothing changed) and with one
// investigation's answers changed before every request. Target: < 500 ms. Prints figures; asserts nothing.
// Run: npx tsx bench/overview.bench.ts (or npm run bench). OVERVIEW_BENCH_PROFILE=<dir> writes a CPU
// profile of the service runs there.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import mongoose, { type Types } from 'mongoose';
import { analyseInvestigation } from '../server/analysis/index.js';
import { createApp } from '../server/app.js';
import type { Framework } from '../server/framework/framework.schema.js';
import { scopeFramework } from '../server/framework/scope-framework.js';
import { loadFramework } from '../server/framework/load-framework.js';
import { createInspectorContext } from '../server/investigations/inspector.context.js';
import { createMailer } from '../server/mail/mailer.js';
import type { Models } from '../server/models/index.js';
import { createAnalysisSummaries } from '../server/overview/analysis-summaries.js';
import { analysisFingerprints } from '../server/overview/analysis-fingerprints.js';
import { readStoredSummaries } from '../server/overview/stored-summaries.js';
import { buildOverview, investigationsOf } from '../server/overview/overview.service.js';
import { createRespondContext } from '../server/respond/respond.context.js';
import { loadAnswerSets } from '../server/review/answer-sets.js';
import { createUser } from '../server/users/users.service.js';
import { consistentCases, divergentCases } from '../tests/unit/analysis/fixtures/comment-texts.js';
import { openBenchApp, questionnaireDir } from './bench-app.js';

const INVESTIGATIONS = 400;
const YEAR = 2025;
const WARM_UP = 3;
const RUNS = 10;
const PASSWORD = 'overview bench password';

export type OverviewBenchResult = Record<string, number>;

/** Deterministic PRNG (mulberry32): every run generates the same investigations. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TEXTS = [...consistentCases, ...divergentCases].flatMap((testCase) => Object.values(testCase.texts));

/** Valid answers from the framework's value sets: mostly ja, some nee / weet niet, 2–4 checkbox items. */
function generateAnswers(
  framework: Framework,
  role: 'gemeente' | 'netwerkpartner',
  random: () => number,
): Record<string, unknown> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const data: Record<string, unknown> = {};
  for (const theme of framework.themes) {
    for (const criterion of theme.criteria) {
      for (const indicator of criterion.indicators) {
        for (const question of indicator.questions) {
          if (!question.askedOf.includes(role)) continue;
          const roll = random();
          if (question.kind === 'jnw') {
            const scale = framework.answerScale;
            data[question.name] = roll < 0.75 ? scale.yes : roll < 0.92 ? scale.no : scale.unknown;
            if (framework.explanationSuffix && random() < 0.2)
              data[`${question.name}${framework.explanationSuffix}`] = pick(TEXTS);
          } else if (question.kind === 'checkbox') {
            const count = 2 + Math.floor(random() * 3);
            data[question.name] = [
              ...new Set(Array.from({ length: count }, () => pick(question.choices).value)),
            ];
          } else {
            data[question.name] = pick(TEXTS);
          }
        }
      }
    }
  }
  return data;
}

/** Inserts the investigations in bulk (the respondent API would take minutes for 1,600 submits). */
async function seed(models: Models, framework: Framework, versions: Record<string, string>): Promise<number> {
  const random = seededRandom(20_250_101);
  const roles = ['gemeente', 'netwerkpartner', 'netwerkpartner', 'netwerkpartner'] as const;
  const verdicts = ['voldoet', 'voldoet', 'verbeterpunt', 'niet_beoordeeld'] as const;
  const indicatorIds = framework.themes.flatMap((t) =>
    t.criteria.flatMap((c) => c.indicators.map((i) => i.id)),
  );
  const now = new Date();
  const investigations = await models.Investigation.insertMany(
    Array.from({ length: INVESTIGATIONS }, (_, i) => ({
      municipality: `Gemeente ${String(i).padStart(3, '0')}`,
      approach: i % 3 === 0 ? 'Multiprobleemgezinnen' : 'Integrale aanpak',
      year: YEAR,
    })),
  );
  const respondents: Record<string, unknown>[] = [];
  const responses: Record<string, unknown>[] = [];
  const judgments: Record<string, unknown>[] = [];
  for (const [i, investigation] of investigations.entries()) {
    for (const [slot, role] of roles.entries()) {
      const _id = new mongoose.Types.ObjectId();
      respondents.push({
        _id,
        investigation: investigation._id,
        role,
        slot,
        organisation: role === 'gemeente' ? investigation.municipality : `Partner ${slot}`,
        email: `bench${i}-${slot}@example.nl`,
        tokenHash: randomBytes(32).toString('hex'),
        tokenIssuedAt: now,
        expiresAt: new Date(now.getTime() + 86_400_000),
        questionnaireId: role,
        questionnaireVersion: versions[role],
        startedAt: now,
        submittedAt: now,
      });
      responses.push({
        respondent: _id,
        investigation: investigation._id,
        questionnaireId: role,
        questionnaireVersion: versions[role],
        data: generateAnswers(framework, role, random),
        status: 'ingediend',
        submittedAt: now,
        progress: 100,
      });
    }
    if (i % 2 === 0) {
      for (const indicatorId of indicatorIds) {
        judgments.push({
          investigation: investigation._id,
          indicatorId,
          verdict: verdicts[Math.floor(random() * verdicts.length)],
          finding: 'Bevinding.',
          revision: 1,
          updatedBy: { id: 'bench', name: 'Bench', email: 'bench@example.nl' },
        });
      }
    }
  }
  await models.Respondent.insertMany(respondents);
  await models.Response.insertMany(responses);
  await models.Judgment.insertMany(judgments);
  return judgments.length;
}

/** Wall-clock figures, plus the process's CPU per run (engine included: it runs in this process). */
type Timing = { mean: number; p50: number; max: number; cpu: number };

/** `setup` runs untimed before every run (e.g. a change to one investigation). */
async function time(run: () => Promise<unknown>, setup?: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i += 1) {
    await setup?.();
    await run();
  }
  const durations: number[] = [];
  let cpu = 0;
  for (let i = 0; i < RUNS; i += 1) {
    await setup?.();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await run();
    durations.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu += (used.user + used.system) / 1000;
  }
  durations.sort((a, b) => a - b);
  return {
    mean: durations.reduce((a, b) => a + b, 0) / durations.length,
    p50: durations[Math.floor((durations.length - 1) / 2)] ?? Number.NaN,
    max: durations[durations.length - 1] ?? Number.NaN,
    cpu: cpu / RUNS,
  };
}

const show = (t: Timing) =>
  `mean ${t.mean.toFixed(1)} ms, p50 ${t.p50.toFixed(1)} ms, max ${t.max.toFixed(1)} ms (CPU ${t.cpu.toFixed(0)} ms)`;

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

export async function runOverviewBench(): Promise<OverviewBenchResult> {
  const { config, logger, database, close } = await openBenchApp('overview');
  try {
    const loaded = await loadFramework(questionnaireDir);
    const { framework } = loaded;
    const respond = createRespondContext({ connection: database.connection, config, framework: loaded });
    const { models } = respond;
    const versions = Object.fromEntries(
      (['gemeente', 'netwerkpartner'] as const).map((role) => [
        role,
        respond.questionnaires.currentFor(role)?.version ?? '',
      ]),
    );

    const seedStart = performance.now();
    const judged = await seed(models, framework, versions);
    console.log(
      `seeded ${INVESTIGATIONS} investigations × 4 submitted respondents, ${judged} judgments ` +
        `in ${Math.round(performance.now() - seedStart)} ms`,
    );
    console.log(`load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`);

    const query = { year: YEAR, round: 'all' as const };
    const newSummaries = () =>
      createAnalysisSummaries({ models, framework, frameworkVersion: loaded.version, logger });
    const serviceCall = async (summaries: ReturnType<typeof newSummaries>) =>
      (await buildOverview(models, framework, summaries, query)).rows.length;

    // The very first call in this process: nothing stored, V8 not yet optimised (a first deployment).
    let start = performance.now();
    const rows = await serviceCall(newSummaries());
    const firstCall = performance.now() - start;

    // One investigation's answers change before every "changed" run (as a resubmission does).
    const investigations = await investigationsOf(models, query);
    const ids: Types.ObjectId[] = investigations.map((i) => i._id);
    let changes = 0;
    const changeOne = async () => {
      changes += 1;
      const target = ids[(changes * 37) % ids.length];
      await models.Response.updateOne(
        { investigation: target, questionnaireId: 'gemeente' },
        { $set: { 'data.bench_change': changes }, $inc: { revision: 1 } },
      );
    };

    // Where the time goes: the per-request queries, the full loading of a miss, the analysis alone.
    const respondentIds = (
      await models.Respondent.find({ investigation: mongoose.trusted({ $in: ids }) }, { _id: 1 }).lean()
    ).map((r) => r._id);
    const parts: Record<string, Timing> = {
      'investigations (every request)': await time(() => investigationsOf(models, query)),
      'fingerprints: respondents + responses without data (every request)': await time(() =>
        analysisFingerprints(models, loaded.version, investigations),
      ),
      'judgments grouped per investigation (every request)': await time(() =>
        models.Judgment.aggregate([
          { $match: { investigation: mongoose.trusted({ $in: ids }) } },
          { $group: { _id: '$investigation', v: { $push: { i: '$indicatorId', v: '$verdict' } } } },
        ]),
      ),
      'answer sets of all 400 (first ever only)': await time(() => loadAnswerSets(models, ids)),
      'responses with data alone (first ever only)': await time(() =>
        models.Response.find(
          { respondent: mongoose.trusted({ $in: respondentIds }) },
          { respondent: 1, status: 1, data: 1 },
        ).lean(),
      ),
    };
    const fingerprints = await analysisFingerprints(models, loaded.version, investigations);
    parts['stored summaries of all 400, one query + validation (cold only)'] = await time(() =>
      readStoredSummaries(models, fingerprints, ids),
    );
    const answerSets = await loadAnswerSets(models, ids);
    const scoped = scopeFramework(framework, null);
    const analysis = await time(async () => {
      for (const sets of answerSets.values()) analyseInvestigation(scoped, sets);
    });

    const session = process.env.OVERVIEW_BENCH_PROFILE ? new Session() : undefined;
    if (session) {
      session.connect();
      await post(session, 'Profiler.enable');
      await post(session, 'Profiler.start');
    }
    const warmSummaries = newSummaries();
    const forgetStored = () => models.OverviewSummary.deleteMany({});
    const service = {
      'first ever': await time(() => serviceCall(newSummaries()), forgetStored),
      cold: await time(() => serviceCall(newSummaries())),
      warm: await time(() => serviceCall(warmSummaries)),
      changed: await time(() => serviceCall(warmSummaries), changeOne),
    };
    if (session) {
      const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
      const file = path.join(process.env.OVERVIEW_BENCH_PROFILE ?? '.', 'overview.cpuprofile');
      await writeFile(file, JSON.stringify(profile));
      console.log(`CPU profile written to ${file}`);
      session.disconnect();
    }

    const ctx = createInspectorContext({
      models,
      config,
      logger,
      now: () => new Date(),
      mailer: createMailer({ outbox: models.MailMessage, config, logger, now: () => new Date() }),
    });
    await createUser(ctx, {
      email: 'bench@stj.example',
      name: 'Bench',
      role: 'inspecteur',
      password: PASSWORD,
    });
    // Each app instance has its own cache: a fresh one is a server just started.
    const startInstance = async () => {
      const app = createApp({ config, logger, connection: database.connection, questionnaires: loaded });
      const server = await new Promise<Server>((resolve) => {
        const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
      });
      return {
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    };
    const instance = await startInstance();
    let http: {
      firstRequest: number;
      'first ever': Timing;
      cold: Timing;
      warm: Timing;
      changed: Timing;
    };
    try {
      const login = await fetch(`${instance.baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: instance.baseUrl },
        body: JSON.stringify({ email: 'bench@stj.example', password: PASSWORD }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const get = async (baseUrl: string) => {
        const res = await fetch(`${baseUrl}/api/overview?year=${YEAR}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`GET /api/overview answered ${res.status}`);
        await res.arrayBuffer();
      };
      start = performance.now();
      await get(instance.baseUrl);
      const firstRequest = performance.now() - start;
      // A new instance per request (the session lives in the database, so the cookie holds); first
      // ever also forgets what is stored, cold finds the summaries stored by the previous request.
      let fresh: Awaited<ReturnType<typeof startInstance>> | undefined;
      const onNewInstance = (forget: boolean) =>
        time(
          () => get(fresh?.baseUrl ?? ''),
          async () => {
            await fresh?.close();
            if (forget) await forgetStored();
            fresh = await startInstance();
          },
        );
      const firstEver = await onNewInstance(true);
      const cold = await onNewInstance(false);
      await fresh?.close();
      http = {
        firstRequest,
        'first ever': firstEver,
        cold,
        warm: await time(() => get(instance.baseUrl)),
        changed: await time(() => get(instance.baseUrl), changeOne),
      };
    } finally {
      await instance.close();
    }

    const target = (t: Timing) =>
      t.max < 500 ? 'meets < 500 ms' : t.p50 < 500 ? 'p50 < 500 ms, max over' : 'OVER 500 ms';
    console.log(
      `overview of ${rows} investigations, ${WARM_UP} warm-up + ${RUNS} runs each; target < 500 ms`,
    );
    console.log(
      `service, very first call in the process (nothing stored, V8 cold): ${firstCall.toFixed(1)} ms`,
    );
    for (const [name, timing] of Object.entries(service))
      console.log(`service ${name.padEnd(10)}: ${show(timing)} — ${target(timing)}`);
    console.log(
      `HTTP, first request after the app started (summaries stored): ${http.firstRequest.toFixed(1)} ms`,
    );
    for (const name of ['first ever', 'cold', 'warm', 'changed'] as const)
      console.log(`HTTP ${name.padEnd(10)}: ${show(http[name])} — ${target(http[name])}`);
    console.log('where the time goes:');
    for (const [name, timing] of Object.entries(parts)) console.log(`  ${name}: ${show(timing)}`);
    console.log(`  analysis of 400, data in memory (first ever only): ${show(analysis)}`);
    return {
      overviewFirstCallMs: firstCall,
      overviewServiceFirstEverMeanMs: service['first ever'].mean,
      overviewServiceColdMeanMs: service.cold.mean,
      overviewServiceColdP50Ms: service.cold.p50,
      overviewServiceColdMaxMs: service.cold.max,
      overviewServiceWarmMeanMs: service.warm.mean,
      overviewServiceWarmP50Ms: service.warm.p50,
      overviewServiceWarmMaxMs: service.warm.max,
      overviewServiceChangedMeanMs: service.changed.mean,
      overviewHttpFirstEverMeanMs: http['first ever'].mean,
      overviewHttpColdMeanMs: http.cold.mean,
      overviewHttpWarmMeanMs: http.warm.mean,
      overviewHttpChangedMeanMs: http.changed.mean,
      overviewAnalysisMeanMs: analysis.mean,
    };
  } finally {
    await close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runOverviewBench();
}
