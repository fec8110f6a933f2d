// Overview of a year across 400 generated investigations (gemeente + 3 partners each, all submitted,
// about half judged) in a fresh embedded engine: the service call (load + analyse + matrix) and the same
// over HTTP (GET /api/overview with a session). Target: < 500 ms. Prints figures; asserts nothing.
// Run: npx tsx bench/overview.bench.ts (or npm run bench). OVERVIEW_BENCH_PROFILE=<dir> writes a CPU
// profile of the service runs there.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mongoose, { type Types } from 'mongoose';
import { pino } from 'pino';
import { analyseInvestigation } from '../server/analysis/index.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config/config.js';
import { connectDatabase } from '../server/db/connect.js';
import type { Framework } from '../server/framework/framework.schema.js';
import { scopeFramework } from '../server/framework/scope-framework.js';
import { loadFramework } from '../server/framework/load-framework.js';
import { createInspectorContext } from '../server/investigations/inspector.context.js';
import { createMailer } from '../server/mail/mailer.js';
import type { Models } from '../server/models/index.js';
import { buildOverview, investigationsOf } from '../server/overview/overview.service.js';
import { createRespondContext, prepareRespondStorage } from '../server/respond/respond.context.js';
import { loadAnswerSets } from '../server/review/answer-sets.js';
import { createUser } from '../server/users/users.service.js';
import { consistentCases, divergentCases } from '../tests/unit/analysis/fixtures/comment-texts.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

type Timing = { mean: number; p50: number; max: number };

async function time(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i += 1) await run();
  const durations: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return {
    mean: durations.reduce((a, b) => a + b, 0) / durations.length,
    p50: durations[Math.floor((durations.length - 1) / 2)] ?? Number.NaN,
    max: durations[durations.length - 1] ?? Number.NaN,
  };
}

const show = (t: Timing) =>
  `mean ${t.mean.toFixed(1)} ms, p50 ${t.p50.toFixed(1)} ms, max ${t.max.toFixed(1)} ms`;

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))),
  );
}

export async function runOverviewBench(): Promise<OverviewBenchResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'stj-overview-bench-'));
  const questionnaireDir = path.join(projectRoot, 'questionnaires');
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(32),
    PORT: '0',
    DATA_DIR: dataDir,
    QUESTIONNAIRE_DIR: questionnaireDir,
  });
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const database = await connectDatabase({ ...config, EMBEDDED_DB_PORT: 0 }, pino({ level: 'silent' }));
  try {
    const loaded = await loadFramework(questionnaireDir);
    const { framework } = loaded;
    await prepareRespondStorage(database.connection);
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
    // Where the time goes: the three queries, then the analysis alone on data already in memory.
    let ids: Types.ObjectId[] = [];
    const loading = await time(async () => {
      const investigations = await investigationsOf(models, query);
      ids = investigations.map((i) => i._id);
      await Promise.all([
        loadAnswerSets(models, ids),
        models.Judgment.find(
          { investigation: mongoose.trusted({ $in: ids }) },
          { indicatorId: 1, verdict: 1 },
        ).lean(),
      ]);
    });
    // The loading per query (the answer-set loader's two queries, then the judgments).
    const respondentIds = (
      await models.Respondent.find({ investigation: mongoose.trusted({ $in: ids }) }, { _id: 1 }).lean()
    ).map((r) => r._id);
    const queries = {
      investigations: await time(() => investigationsOf(models, query)),
      respondents: await time(() =>
        models.Respondent.find(
          { investigation: mongoose.trusted({ $in: ids }) },
          { investigation: 1, role: 1, slot: 1, organisation: 1, revokedAt: 1, submittedAt: 1, startedAt: 1 },
        ).lean(),
      ),
      responses: await time(() =>
        models.Response.find(
          { respondent: mongoose.trusted({ $in: respondentIds }) },
          { respondent: 1, status: 1, data: 1 },
        ).lean(),
      ),
      judgments: await time(() =>
        models.Judgment.find(
          { investigation: mongoose.trusted({ $in: ids }) },
          { investigation: 1, indicatorId: 1, verdict: 1, letOp: 1, finding: 1 },
        ).lean(),
      ),
    };
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
    let rows = 0;
    const cpuBefore = process.cpuUsage();
    const service = await time(async () => {
      rows = (await buildOverview(models, framework, query)).rows.length;
    });
    const cpu = process.cpuUsage(cpuBefore);
    if (session) {
      const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
      const file = path.join(process.env.OVERVIEW_BENCH_PROFILE ?? '.', 'overview.cpuprofile');
      await writeFile(file, JSON.stringify(profile));
      console.log(`CPU profile written to ${file}`);
      session.disconnect();
    }

    const app = createApp({ config, logger, connection: database.connection, questionnaires: loaded });
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    let http: Timing;
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
      const login = await fetch(`${baseUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl },
        body: JSON.stringify({ email: 'bench@stj.example', password: PASSWORD }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      http = await time(async () => {
        const res = await fetch(`${baseUrl}/api/overview?year=${YEAR}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`GET /api/overview answered ${res.status}`);
        await res.arrayBuffer();
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    console.log(`overview of ${rows} investigations (service): ${show(service)} (target < 500 ms)`);
    console.log(
      `  of which loading (investigations, answer sets, judgments): ${show(loading)}; ` +
        `analysis alone: ${show(analysis)}; CPU per service call ${((cpu.user + cpu.system) / 1000 / (WARM_UP + RUNS)).toFixed(1)} ms`,
    );
    for (const [name, timing] of Object.entries(queries)) console.log(`  query ${name}: ${show(timing)}`);
    console.log(`overview over HTTP (GET /api/overview?year=${YEAR}): ${show(http)}`);
    return {
      overviewServiceMeanMs: service.mean,
      overviewServiceP50Ms: service.p50,
      overviewServiceMaxMs: service.max,
      overviewHttpMeanMs: http.mean,
      overviewLoadingMeanMs: loading.mean,
      overviewAnalysisMeanMs: analysis.mean,
    };
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runOverviewBench();
}
