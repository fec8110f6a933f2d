import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewSchema, type Overview } from '../../../shared/api/review.js';
import { analyseInvestigation } from '../../../server/analysis/index.js';
import { createApp } from '../../../server/app.js';
import { scopeFramework } from '../../../server/framework/scope-framework.js';
import { loadAnswerSetsOf } from '../../../server/review/answer-sets.js';
import {
  HttpClient,
  PASSWORD,
  loggedInInspector,
  startInspectorKit,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { addRespondent, answersOf, createInvestigation, respondUrl } from '../follow-up/review-fixtures.js';

type Row = Overview['rows'][number];

let kit: InspectorKit;
/** Instance A: the kit's app. Instance B: a second app on the same database, as behind a load balancer. */
let onA: HttpClient;
let onB: HttpClient;
let closeB: () => Promise<void>;

beforeAll(async () => {
  kit = await startInspectorKit();
  onA = await loggedInInspector(kit);
  const app = createApp({
    config: kit.config,
    logger: pino({ level: 'silent' }),
    connection: kit.app.database.connection,
    questionnaires: kit.framework,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  closeB = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  onB = new HttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  expect((await onB.login('inspecteur@stj.example', PASSWORD)).status).toBe(200);
});
afterAll(async () => {
  await closeB();
  await kit.stop();
});

async function rowOf(client: HttpClient, investigationId: string, year: number): Promise<Row> {
  const reply = await client.get(`/api/overview?year=${year}`);
  expect(reply.status).toBe(200);
  const row = overviewSchema.parse(reply.body).rows.find((r) => r.investigationId === investigationId);
  if (!row) throw new Error(`no overview row for ${investigationId}`);
  return row;
}

/** The cells computed from scratch: the analysis of the answers as stored now, then the judgments. */
async function freshCells(investigationId: string): Promise<Row['cells']> {
  const id = new mongoose.Types.ObjectId(investigationId);
  const framework = kit.framework.framework;
  const analysis = analyseInvestigation(
    scopeFramework(framework, null),
    await loadAnswerSetsOf(kit.ctx.models, id),
  );
  const judgments = await kit.ctx.models.Judgment.find({ investigation: id }).lean();
  const cells: Row['cells'] = {};
  for (const indicator of analysis.indicators) {
    const flags = indicator.flags.filter((f) => f.kind !== 'ontbreekt').length;
    const judged = judgments.find((j) => j.indicatorId === indicator.id);
    cells[indicator.id] = judged
      ? { source: 'judgment', verdict: judged.verdict, flags }
      : { source: 'proposal', verdict: indicator.proposal.verdict, flags };
  }
  return cells;
}

async function respondentId(investigationId: string, organisation: string): Promise<string> {
  const reply = await onA.get(`/api/investigations/${investigationId}`);
  const respondents = reply.body.respondents as { id: string; organisation: string }[];
  const found = respondents.find((r) => r.organisation === organisation);
  if (!found) throw new Error(`no respondent ${organisation}`);
  return found.id;
}

/** Submits through the respondent API on the response's current revision. */
async function submitCurrent(link: string, data: Record<string, unknown>): Promise<void> {
  const session = (await (await fetch(respondUrl(kit, link))).json()) as { response: { revision: number } };
  const res = await fetch(respondUrl(kit, link, '/submit'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data, revision: session.response.revision }),
  });
  expect(res.status, await res.text()).toBe(200);
}

/** The municipality's answers with every "ja" turned into "nee": it now contradicts its partners. */
function contradictingMunicipality(): Record<string, unknown> {
  const { answerScale } = kit.framework.framework;
  return Object.fromEntries(
    Object.entries(answersOf('gemeente')).map(([name, value]) => [
      name,
      value === answerScale.yes ? answerScale.no : value,
    ]),
  );
}

const flagTotal = (row: Row) => Object.values(row.cells).reduce((sum, cell) => sum + (cell?.flags ?? 0), 0);

async function investigationWithLinks(municipality: string, year: number) {
  const id = await createInvestigation(onA, { municipality, year });
  const gemeente = await addRespondent(onA, id, 'gemeente', `Gemeente ${municipality}`);
  const partners = [
    await addRespondent(onA, id, 'netwerkpartner', 'GGZ Regio'),
    await addRespondent(onA, id, 'netwerkpartner', 'Wijkteam Centrum'),
  ];
  await submitCurrent(gemeente, answersOf('gemeente'));
  for (const partner of partners) await submitCurrent(partner, answersOf('netwerkpartner'));
  return { id, gemeente, partners };
}

describe('the overview never shows stale data', () => {
  it('shows a reopened, then resubmitted response with other answers, on both instances', async () => {
    const { id, gemeente } = await investigationWithLinks('Zwolle', 2031);
    // Both instances have the row in their cache.
    const before = await rowOf(onA, id, 2031);
    expect(await rowOf(onB, id, 2031)).toEqual(before);
    expect(before.cells).toEqual(await freshCells(id));
    expect(new Set(Object.values(before.cells).map((c) => c?.verdict))).not.toEqual(
      new Set(['geen_oordeel']),
    );

    // Reopened through A: the municipality's answers are a draft, so no proposal can be made.
    const reopened = await onA.post(
      `/api/investigations/${id}/respondents/${await respondentId(id, 'Gemeente Zwolle')}/reopen`,
    );
    expect(reopened.status).toBe(200);
    for (const client of [onB, onA]) {
      const row = await rowOf(client, id, 2031);
      expect(new Set(Object.values(row.cells).map((c) => c?.verdict))).toEqual(new Set(['geen_oordeel']));
      expect(row.cells).toEqual(await freshCells(id));
    }

    // Resubmitted with contradicting answers: more flags than before, seen by both instances.
    await submitCurrent(gemeente, contradictingMunicipality());
    const afterB = await rowOf(onB, id, 2031);
    expect(afterB.cells).toEqual(await freshCells(id));
    expect(flagTotal(afterB)).toBeGreaterThan(flagTotal(before));
    expect(afterB.cells).not.toEqual(before.cells);
    expect(await rowOf(onA, id, 2031)).toEqual(afterB);
  });

  it('shows a changed judgment at once, on both instances', async () => {
    const { id } = await investigationWithLinks('Deventer', 2032);
    const before = await rowOf(onB, id, 2032);
    expect(before.cells.T1?.source).toBe('proposal');

    const first = await onA.send('PUT', `/api/investigations/${id}/judgments/T1`, {
      verdict: 'verbeterpunt',
      finding: 'Het plan ontbreekt.',
    });
    expect(first.status).toBe(200);
    for (const client of [onB, onA]) {
      expect((await rowOf(client, id, 2032)).cells.T1).toEqual({
        source: 'judgment',
        verdict: 'verbeterpunt',
        flags: before.cells.T1?.flags,
      });
    }

    const second = await onA.send('PUT', `/api/investigations/${id}/judgments/T1`, {
      verdict: 'voldoet',
      finding: 'Het plan is er.',
      revision: first.body.revision,
    });
    expect(second.status).toBe(200);
    const afterB = await rowOf(onB, id, 2032);
    expect(afterB.cells.T1).toMatchObject({ source: 'judgment', verdict: 'voldoet' });
    expect(afterB.cells).toEqual(await freshCells(id));
    expect(afterB.countsByTheme).not.toEqual(before.countsByTheme);
  });

  it('leaves out a respondent revoked before (re)submitting, on both instances', async () => {
    const { id, gemeente } = await investigationWithLinks('Kampen', 2033);
    // The municipality first contradicts its partners (flags), then is reopened and revoked.
    const rid = await respondentId(id, 'Gemeente Kampen');
    expect((await onA.post(`/api/investigations/${id}/respondents/${rid}/reopen`)).status).toBe(200);
    await submitCurrent(gemeente, contradictingMunicipality());
    const contradicted = await rowOf(onB, id, 2033);
    expect(flagTotal(contradicted)).toBeGreaterThan(0);
    expect(await rowOf(onA, id, 2033)).toEqual(contradicted);

    // A late partner, never started, is revoked: it stays out of the analysis.
    await addRespondent(onA, id, 'netwerkpartner', 'Jeugdbescherming');
    const lateId = await respondentId(id, 'Jeugdbescherming');
    expect((await onA.post(`/api/investigations/${id}/respondents/${lateId}/revoke`)).status).toBe(200);
    expect((await rowOf(onB, id, 2033)).cells).toEqual(await freshCells(id));

    // Reopened and revoked before resubmitting: its earlier answers never count again.
    expect((await onA.post(`/api/investigations/${id}/respondents/${rid}/reopen`)).status).toBe(200);
    expect((await onA.post(`/api/investigations/${id}/respondents/${rid}/revoke`)).status).toBe(200);
    for (const client of [onB, onA]) {
      const row = await rowOf(client, id, 2033);
      expect(row.cells).toEqual(await freshCells(id));
      expect(new Set(Object.values(row.cells).map((c) => c?.verdict))).toEqual(new Set(['geen_oordeel']));
      expect(row.cells).not.toEqual(contradicted.cells);
    }
  });
});
