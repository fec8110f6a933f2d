import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewSchema } from '../../../shared/api/review.js';
import { createApp } from '../../../server/app.js';
import { createAnalysisSummaries } from '../../../server/overview/analysis-summaries.js';
import { investigationsOf } from '../../../server/overview/overview.service.js';
import {
  HttpClient,
  PASSWORD,
  loggedInInspector,
  startInspectorKit,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { addRespondent, answersOf, createInvestigation, submit } from '../follow-up/review-fixtures.js';

let kit: InspectorKit;
let hoorn: string;
let edam: string;
const warnings: unknown[] = [];

beforeAll(async () => {
  kit = await startInspectorKit();
  const inspector = await loggedInInspector(kit);
  hoorn = await createInvestigation(inspector, { municipality: 'Hoorn', year: 2041 });
  edam = await createInvestigation(inspector, { municipality: 'Edam', year: 2041 });
  for (const [investigation, name] of [
    [hoorn, 'Hoorn'],
    [edam, 'Edam'],
  ] as const) {
    const gemeente = await addRespondent(inspector, investigation, 'gemeente', `Gemeente ${name}`);
    expect((await submit(kit, gemeente, answersOf('gemeente'))).status).toBe(200);
    const partner = await addRespondent(inspector, investigation, 'netwerkpartner', `GGD ${name}`);
    expect((await submit(kit, partner, answersOf('netwerkpartner'))).status).toBe(200);
  }
});
afterAll(async () => {
  await kit.stop();
});

const year2041 = () => investigationsOf(kit.ctx.models, { year: 2041, round: 'all' });
/** A new instance's cache: empty memory, the same database. */
const newInstance = () =>
  createAnalysisSummaries({
    models: kit.ctx.models,
    framework: kit.framework.framework,
    frameworkVersion: kit.framework.version,
    logger: { warn: (...args: unknown[]) => void warnings.push(args) },
  });
const storedOf = async (investigation: string) => {
  const stored = await kit.ctx.models.OverviewSummary.findOne({ investigation }).lean();
  if (!stored) throw new Error(`nothing stored for ${investigation}`);
  return stored;
};

describe('overview summaries stored in the database', () => {
  it('a new instance reuses what another instance computed instead of analysing again', async () => {
    const first = newInstance();
    const computed = await first.of(await year2041());
    expect(first.computed).toBe(2);
    const storedHoorn = await storedOf(hoorn);
    expect(storedHoorn.fingerprint).toMatch(/\S/);
    const indicatorCount = kit.framework.framework.themes.flatMap((t) =>
      t.criteria.flatMap((c) => c.indicators),
    ).length;
    expect(Object.keys(storedHoorn.summary as object)).toHaveLength(indicatorCount);

    const second = newInstance();
    const reused = await second.of(await year2041());
    expect(second.computed).toBe(0);
    expect(reused.get(hoorn)).toEqual(computed.get(hoorn));
    expect(reused.get(edam)).toEqual(computed.get(edam));
    // Filled its memory: the next call is served from there (same objects).
    const again = await second.of(await year2041());
    expect(again.get(hoorn)).toBe(reused.get(hoorn));
    expect(second.computed).toBe(0);
    expect((await storedOf(hoorn)).computedAt).toEqual(storedHoorn.computedAt);
    expect(warnings).toEqual([]);
  });

  it('recomputes and overwrites a summary stored under a stale fingerprint', async () => {
    await newInstance().of(await year2041());
    const before = await storedOf(hoorn);
    await kit.ctx.models.OverviewSummary.updateOne(
      { investigation: hoorn },
      { $set: { fingerprint: 'stale', summary: { T1: { verdict: 'verbeterpunt', flags: 99 } } } },
    );
    const instance = newInstance();
    const summaries = await instance.of(await year2041());
    expect(instance.computed).toBe(1); // Hoorn only; Edam's stored summary still matches
    expect(summaries.get(hoorn)?.get('T1')?.flags).not.toBe(99);
    const after = await storedOf(hoorn);
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(after.summary).toEqual(before.summary);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
  });

  it('ignores a stored summary of the wrong shape and recomputes it', async () => {
    const reference = await newInstance().of(await year2041());
    const good = await storedOf(edam);
    for (const corrupt of [
      'not a summary',
      { T1: { verdict: 'prima', flags: 0 } },
      { T1: { verdict: 'voldoet', flags: -1 } },
      { T1: { verdict: 'voldoet' } },
    ]) {
      await kit.ctx.models.OverviewSummary.updateOne({ investigation: edam }, { $set: { summary: corrupt } });
      const instance = newInstance();
      const summaries = await instance.of(await year2041());
      expect(instance.computed).toBe(1);
      expect(summaries.get(edam)).toEqual(reference.get(edam));
      expect((await storedOf(edam)).summary).toEqual(good.summary);
    }
  });

  it('a new app instance answers GET /api/overview from the stored summaries', async () => {
    await newInstance().of(await year2041());
    const before = await storedOf(hoorn);
    const app = createApp({
      config: kit.config,
      logger: pino({ level: 'silent' }),
      connection: kit.app.database.connection,
      questionnaires: kit.framework,
    });
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const client = new HttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect((await client.login('inspecteur@stj.example', PASSWORD)).status).toBe(200);
      const reply = await client.get('/api/overview?year=2041');
      expect(reply.status).toBe(200);
      const rows = overviewSchema.parse(reply.body).rows;
      expect(rows.map((row) => row.investigationId).toSorted()).toEqual([hoorn, edam].toSorted());
      expect((await storedOf(hoorn)).computedAt).toEqual(before.computedAt);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
