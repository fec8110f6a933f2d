import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisResultSchema, type AnalysisResult } from '../../../shared/analysis/analysis-result.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { addDemoRespondents, createInvestigation } from './review-test-kit.js';

let kit: InspectorKit;
let inspector: HttpClient;
beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
});
afterAll(async () => {
  await kit.stop();
});

async function analysisOf(id: string): Promise<AnalysisResult> {
  const reply = await inspector.get(`/api/investigations/${id}/analysis`);
  expect(reply.status).toBe(200);
  return analysisResultSchema.parse(reply.body);
}

const indicator = (analysis: AnalysisResult, id: string) => {
  const found = analysis.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

describe('GET /api/investigations/:id/analysis', () => {
  it('analyses the submitted answers of the municipality and three partners', async () => {
    const id = await createInvestigation(inspector, 'Voorbeeldstad');
    await addDemoRespondents(kit, id);
    const analysis = await analysisOf(id);

    expect(analysis.framework).toBe('ggsr');
    expect(analysis.respondents.map((r) => [r.code, r.label, r.status])).toEqual([
      ['G', 'Gemeente Voorbeeldstad', 'ingediend'],
      ['P1', 'Wijkteam Voorbeeldstad-Noord', 'ingediend'],
      ['P2', 'GGZ Voorbeeldregio', 'ingediend'],
      ['P3', 'Woningcorporatie Thuis', 'ingediend'],
    ]);
    // Every indicator of the framework, in framework order.
    const framework = kit.framework.framework;
    expect(analysis.indicators.map((i) => i.id)).toEqual(
      framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.map((i) => i.id))),
    );

    // Doorzettingsmacht: gemeente and the wijkteam say ja, GGZ nee, the corporation weet niet.
    const a9 = indicator(analysis, 'A9');
    expect(a9.flags).toMatchObject([
      { kind: 'tegenspraak', question: 'doorzettingsmacht', respondents: ['P2'], count: 1, of: 3 },
      { kind: 'onbekend', question: 'doorzettingsmacht', respondents: ['P3'], count: 1, of: 3 },
    ]);
    expect(a9.proposal.verdict).toBe('voldoet_let_op');
    expect(a9.proposal.finding).toBe(
      'De gemeente en één netwerkpartner geven aan dat de doorzettingsmacht voor de regisseur geregeld is.',
    );
    expect(a9.answers.doorzettingsmacht?.P2).toMatchObject({ state: 'answered', display: 'Nee' });

    // Samenwerkingsafspraken: only the corporation contradicts the municipality's "nee".
    const s4 = indicator(analysis, 'S4');
    expect(s4.proposal.verdict).toBe('verbeterpunt');
    expect(s4.flags).toMatchObject([{ kind: 'tegenspraak', respondents: ['P3'], count: 1, of: 3 }]);

    expect(analysis.aggregates.proposalCounts).toEqual({
      voldoet: 17,
      voldoet_let_op: 10,
      verbeterpunt: 3,
      geen_oordeel: 0,
    });
    expect(analysis.aggregates.flagCounts.tegenspraak).toBe(3);
  });

  it('leaves drafts out of the analysis', async () => {
    const id = await createInvestigation(inspector, 'Conceptstad');
    await addDemoRespondents(kit, id, { drafts: ['Woningcorporatie Thuis'] });
    const analysis = await analysisOf(id);

    expect(analysis.respondents.map((r) => [r.code, r.status])).toEqual([
      ['G', 'ingediend'],
      ['P1', 'ingediend'],
      ['P2', 'ingediend'],
      ['P3', 'concept'],
    ]);
    // The corporation's draft "ja" would contradict the municipality; as a draft it does not count.
    const s4 = indicator(analysis, 'S4');
    expect(s4.flags.filter((f) => f.kind === 'tegenspraak')).toEqual([]);
    expect(s4.answers.samenwerkingsafspraken?.P3).toMatchObject({ state: 'not_submitted' });
    // …and A9 loses its "weet niet" partner: GGZ's contradiction now counts of two partners, and
    // the corporation is reported as not having submitted.
    expect(indicator(analysis, 'A9').flags).toMatchObject([
      { kind: 'tegenspraak', respondents: ['P2'], count: 1, of: 2 },
      { kind: 'ontbreekt', respondents: ['P3'] },
    ]);
  });

  it('proposes geen_oordeel everywhere while the municipality has not submitted', async () => {
    const id = await createInvestigation(inspector, 'Wachtstad');
    await addDemoRespondents(kit, id, { drafts: ['Gemeente Voorbeeldstad'] });
    const analysis = await analysisOf(id);
    expect(new Set(analysis.indicators.map((i) => i.proposal.verdict))).toEqual(new Set(['geen_oordeel']));
    expect(analysis.aggregates.proposalCounts.geen_oordeel).toBe(analysis.indicators.length);

    // Judging is still allowed: the inspector may judge on other grounds.
    const judged = await inspector.send('PUT', `/api/investigations/${id}/judgments/A9`, {
      verdict: 'niet_beoordeeld',
      finding: 'De gemeente heeft de vragenlijst niet ingediend.',
    });
    expect(judged.status).toBe(200);
  });

  it('answers 404 for unknown and malformed ids and 401 without a session', async () => {
    const unknown = await inspector.get('/api/investigations/ffffffffffffffffffffffff/analysis');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('investigation_not_found');
    expect((await inspector.get('/api/investigations/not-an-id/analysis')).status).toBe(404);
    const id = await createInvestigation(inspector, 'Anoniemstad');
    expect((await kit.client().get(`/api/investigations/${id}/analysis`)).status).toBe(401);
  });
});
