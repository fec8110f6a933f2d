import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewSchema, type Overview } from '../../../shared/api/review.js';
import { analyseInvestigation } from '../../../server/analysis/index.js';
import { loadAnswerSetsOf } from '../../../server/review/answer-sets.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import {
  addRespondent,
  answeredInvestigation,
  answersOf,
  createInvestigation,
  judge,
  publish,
  submit,
} from '../follow-up/review-fixtures.js';
import mongoose from 'mongoose';

let kit: InspectorKit;
let inspector: HttpClient;
let almere: string;
let breda: string;
let followUp: string;

beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
  almere = await answeredInvestigation(kit, inspector, { municipality: 'Almere', year: 2014 });
  await judge(kit, almere, { A9: { verdict: 'verbeterpunt' }, G1: { verdict: 'voldoet' } });
  breda = await createInvestigation(inspector, { municipality: 'Breda', approach: 'Aanpak X', year: 2014 });
  // The municipality never submits; one partner does: the analysis flags the municipality's answers missing.
  await addRespondent(inspector, breda, 'gemeente', 'Gemeente Breda');
  const partner = await addRespondent(inspector, breda, 'netwerkpartner', 'GGD West-Brabant');
  await submit(kit, partner, answersOf('netwerkpartner'));
  const baseline2012 = await createInvestigation(inspector, { municipality: 'Almere', year: 2012 });
  await publish(kit, baseline2012, { A9: 'verbeterpunt', S5: 'verbeterpunt' });
  const created = await inspector.post(`/api/investigations/${baseline2012}/follow-up`, {
    year: 2014,
    approach: 'Vervolg',
  });
  followUp = String(created.body.id);
  await judge(kit, followUp, { S5: { verdict: 'voldoet' } });
  await createInvestigation(inspector, { municipality: 'Assen', year: 2015 });
});
afterAll(async () => {
  await kit.stop();
});

async function overview(query: string): Promise<Overview> {
  const reply = await inspector.get(`/api/overview?${query}`);
  expect(reply.status).toBe(200);
  return overviewSchema.parse(reply.body);
}

const indicatorCount = () =>
  kit.framework.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators)).length;
const sum = (counts: Record<string, Record<string, number>>) =>
  Object.values(counts)
    .flatMap((byVerdict) => Object.values(byVerdict))
    .reduce((a, b) => a + b, 0);

describe('GET /api/overview', () => {
  it('gives per investigation of the year the verdicts, or the proposals before judging', async () => {
    const all = await overview('year=2014');
    expect(all.themes.map((t) => t.id)).toEqual(kit.framework.framework.themes.map((t) => t.id));
    expect(all.themes.flatMap((t) => t.indicators).length).toBe(indicatorCount());
    expect(all.rows.map((r) => [r.municipality, r.approach, r.round])).toEqual([
      ['Almere', 'Integrale aanpak', 'baseline'],
      ['Almere', 'Vervolg', 'follow_up'],
      ['Breda', 'Aanpak X', 'baseline'],
    ]);

    const [almereRow, followUpRow, bredaRow] = all.rows;
    expect(almereRow?.investigationId).toBe(almere);
    // The same analysis the review page shows: flags per indicator, minus the "ontbreekt" ones.
    const analysis = analyseInvestigation(
      kit.framework.framework,
      await loadAnswerSetsOf(kit.ctx.models, new mongoose.Types.ObjectId(almere)),
    );
    const a9 = analysis.indicators.find((i) => i.id === 'A9');
    const a9Flags = a9?.flags.filter((f) => f.kind !== 'ontbreekt').length ?? 0;
    // The partners contradict the municipality on the mandate: at least one tegenspraak.
    expect(a9?.flags.some((f) => f.kind === 'tegenspraak')).toBe(true);
    expect(almereRow?.cells.A9).toEqual({ source: 'judgment', verdict: 'verbeterpunt', flags: a9Flags });
    expect(almereRow?.cells.G1).toMatchObject({ source: 'judgment', verdict: 'voldoet' });
    const t1 = analysis.indicators.find((i) => i.id === 'T1');
    expect(almereRow?.cells.T1).toEqual({
      source: 'proposal',
      verdict: t1?.proposal.verdict,
      flags: t1?.flags.filter((f) => f.kind !== 'ontbreekt').length,
    });
    expect(sum(almereRow?.countsByTheme ?? {})).toBe(indicatorCount());
    expect(almereRow?.countsByTheme.aanpak?.verbeterpunt).toBeGreaterThanOrEqual(1);

    // Breda: proposals only, and the flags about the municipality's missing answers are not counted.
    const bredaAnalysis = analyseInvestigation(
      kit.framework.framework,
      await loadAnswerSetsOf(kit.ctx.models, new mongoose.Types.ObjectId(breda)),
    );
    expect(bredaAnalysis.aggregates.flagCounts.ontbreekt).toBeGreaterThan(0);
    for (const indicator of bredaAnalysis.indicators) {
      expect(bredaRow?.cells[indicator.id]).toEqual({
        source: 'proposal',
        verdict: indicator.proposal.verdict,
        flags: indicator.flags.filter((f) => f.kind !== 'ontbreekt').length,
      });
    }

    // A follow-up has cells only for the indicators it asked.
    const filled = Object.entries(followUpRow?.cells ?? {}).filter(([, cell]) => cell !== null);
    expect(filled.map(([id]) => id)).toEqual(['A9', 'S5']);
    expect(followUpRow?.cells.S5).toMatchObject({ source: 'judgment', verdict: 'voldoet' });
    expect(followUpRow?.cells.A9).toMatchObject({ source: 'proposal' });
    expect(followUpRow?.cells.T1).toBeNull();
    expect(sum(followUpRow?.countsByTheme ?? {})).toBe(2);
    expect(followUpRow?.countsByTheme.samenwerking).toEqual({ voldoet: 1 });
  });

  it('filters on the round and validates the query', async () => {
    expect((await overview('year=2014&round=baseline')).rows.map((r) => r.investigationId)).toEqual([
      almere,
      breda,
    ]);
    expect((await overview('year=2014&round=follow_up')).rows.map((r) => r.investigationId)).toEqual([
      followUp,
    ]);
    expect((await overview('year=2013')).rows).toEqual([]);
    expect(errorCode(await inspector.get('/api/overview?year=abc'))).toBe('invalid_query');
    expect((await inspector.get('/api/overview')).status).toBe(400);
    expect((await inspector.get('/api/overview?year=2014&round=later')).status).toBe(400);
    expect((await kit.client().get('/api/overview?year=2014')).status).toBe(401);
  });
});
