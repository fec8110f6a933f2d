import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpInfoSchema } from '../../../shared/api/review.js';
import { walkSurveyElements } from '../../../server/framework/survey-json.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import type { SessionBody } from '../respond/respond-test-kit.js';
import {
  addRespondent,
  answeredInvestigation,
  answersOf,
  createInvestigation,
  judge,
  publish,
  questionNamesOf,
  respondUrl,
  submit,
} from './review-fixtures.js';

let kit: InspectorKit;
let inspector: HttpClient;
let venlo: string;

beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
  venlo = await answeredInvestigation(kit, inspector, {
    municipality: 'Venlo',
    approach: 'Multiprobleemgezinnen',
  });
  await judge(kit, venlo, {
    A9: { verdict: 'verbeterpunt' },
    S5: { verdict: 'verbeterpunt' },
    T1: { verdict: 'voldoet' },
  });
});
afterAll(async () => {
  await kit.stop();
});

const allIndicatorIds = () =>
  kit.framework.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.map((i) => i.id)));

async function session(link: string): Promise<SessionBody> {
  const res = await fetch(respondUrl(kit, link));
  expect(res.status).toBe(200);
  return (await res.json()) as SessionBody;
}

function askedIndicatorQuestions(json: Record<string, unknown>): string[] {
  const all = new Set(questionNamesOf(kit.framework.framework, allIndicatorIds()));
  return walkSurveyElements(json)
    .map((element) => element.name)
    .filter((name) => all.has(name));
}

describe('follow-up rounds', () => {
  it('refuses an unpublished baseline, then follows up the newest factsheet version', async () => {
    const early = await inspector.post(`/api/investigations/${venlo}/follow-up`, { year: 2015 });
    expect(early.status).toBe(409);
    expect(errorCode(early)).toBe('baseline_not_published');

    await publish(kit, venlo, { A9: 'verbeterpunt' }, { version: 1 });
    await publish(kit, venlo, { A9: 'verbeterpunt', S5: 'verbeterpunt' }, { version: 2 });
    const created = await inspector.post(`/api/investigations/${venlo}/follow-up`, {
      year: 2015,
      deadline: '2015-10-01',
    });
    expect(created.status).toBe(201);
    expect(created.body.indicatorIds).toEqual(['A9', 'S5']);
    const id = String(created.body.id);

    const detail = await inspector.get(`/api/investigations/${id}`);
    expect(detail.body).toMatchObject({
      municipality: 'Venlo',
      approach: 'Multiprobleemgezinnen',
      year: 2015,
      deadline: expect.stringMatching(/^2015-10-01/),
    });
    expect(followUpInfoSchema.parse(detail.body.followUp)).toEqual({
      baselines: [
        { investigationId: venlo, factsheetVersion: 2, year: 2013, approach: 'Multiprobleemgezinnen' },
      ],
      indicatorIds: ['A9', 'S5'],
    });
    const list = await inspector.get('/api/investigations?year=2013');
    expect(list.body.items).toMatchObject([{ id: venlo, followUp: null }]);

    const audit = await kit.ctx.models.AuditEntry.findOne({
      action: 'investigation.follow_up_created',
    }).lean();
    expect(audit?.investigation?.toString()).toBe(id);
    expect(audit?.details).toMatchObject({ indicatorIds: ['A9', 'S5'], year: 2015 });
  });

  it('asks the follow-up respondents only the questions of the scoped indicators plus context', async () => {
    const created = await inspector.post(`/api/investigations/${venlo}/follow-up`, {
      year: 2016,
      approach: 'Gezin centraal',
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const scoped = questionNamesOf(kit.framework.framework, ['A9', 'S5']);
    expect(scoped).toEqual(['doorzettingsmacht', 'mandaat_medewerkers']);

    const gemeenteLink = await addRespondent(inspector, id, 'gemeente', 'Gemeente Venlo');
    const gemeente = await session(gemeenteLink);
    expect(gemeente.investigation).toMatchObject({ approach: 'Gezin centraal', year: 2016 });
    expect(askedIndicatorQuestions(gemeente.questionnaire.json)).toEqual(scoped);
    const gemeenteNames = walkSurveyElements(gemeente.questionnaire.json).map((e) => e.name);
    // Context stays: intro text, the approach, the partner nominations, the documents, explanations.
    expect(gemeenteNames).toEqual(
      expect.arrayContaining([
        'welkom_tekst',
        'aanpak_naam',
        'netwerkpartners',
        'documenten',
        'doorzettingsmacht_toelichting',
      ]),
    );

    const partnerLink = await addRespondent(inspector, id, 'netwerkpartner', 'GGZ Regio');
    const partner = await session(partnerLink);
    expect(askedIndicatorQuestions(partner.questionnaire.json)).toEqual(scoped);
    expect(walkSurveyElements(partner.questionnaire.json).map((e) => e.name)).toContain('organisatie');

    // Submitting with only the scoped questions (and context) answered succeeds; other answers are dropped.
    const keep = (answers: Record<string, unknown>, extra: string[]) =>
      Object.fromEntries(Object.entries(answers).filter(([name]) => [...scoped, ...extra].includes(name)));
    const gemeenteData = keep(answersOf('gemeente'), [
      'aanpak_naam',
      'aanpak_beschrijving',
      'aantal_gezinnen_in_aanpak',
      'netwerkpartners',
    ]);
    expect((await submit(kit, gemeenteLink, gemeenteData)).status).toBe(200);
    const partnerData = {
      ...keep(answersOf('netwerkpartner'), ['organisatie', 'rol_in_aanpak']),
      eigen_kracht: 'ja',
    };
    expect((await submit(kit, partnerLink, partnerData)).status).toBe(200);
    const stored = await kit.ctx.models.Response.find({ investigation: id }).lean();
    expect(stored.map((r) => r.status)).toEqual(['ingediend', 'ingediend']);
    expect(stored.every((r) => !('eigen_kracht' in r.data))).toBe(true);
    expect(stored.every((r) => r.progress === 100)).toBe(true);
    const respondents = await kit.ctx.models.Respondent.find({ investigation: id }).lean();
    expect(respondents.map((r) => r.indicatorScope)).toEqual([
      ['A9', 'S5'],
      ['A9', 'S5'],
    ]);

    // A baseline respondent still gets the whole questionnaire.
    const baselineLink = await addRespondent(inspector, venlo, 'netwerkpartner', 'Politie Limburg');
    const full = await session(baselineLink);
    expect(askedIndicatorQuestions(full.questionnaire.json).length).toBeGreaterThan(30);
  });

  it('combines two baselines of the same municipality into the union of their improvement points', async () => {
    const jeugd = await createInvestigation(inspector, {
      municipality: 'Venlo',
      approach: 'Jeugd',
      year: 2013,
    });
    await publish(kit, jeugd, { T1: 'verbeterpunt', S5: 'verbeterpunt', C3: 'verbeterpunt' });
    const created = await inspector.post(`/api/investigations/${venlo}/follow-up`, {
      year: 2017,
      approach: 'Gecombineerde aanpak',
      combineWith: jeugd,
    });
    expect(created.status).toBe(201);
    // Framework order, not the order of the baselines.
    expect(created.body.indicatorIds).toEqual(['T1', 'A9', 'S5', 'C3']);
    const detail = await inspector.get(`/api/investigations/${String(created.body.id)}`);
    expect(detail.body.followUp).toMatchObject({
      baselines: [
        { investigationId: venlo, factsheetVersion: 2, approach: 'Multiprobleemgezinnen' },
        { investigationId: jeugd, factsheetVersion: 1, approach: 'Jeugd' },
      ],
    });
  });

  it('allows following up a follow-up, scoped to its own improvement points', async () => {
    const first = await inspector.post(`/api/investigations/${venlo}/follow-up`, { year: 2018 });
    const firstId = String(first.body.id);
    await publish(kit, firstId, { S5: 'verbeterpunt' }, { scope: ['A9', 'S5'] });
    const second = await inspector.post(`/api/investigations/${firstId}/follow-up`, { year: 2019 });
    expect(second.status).toBe(201);
    expect(second.body.indicatorIds).toEqual(['S5']);
  });

  it('answers errors with the right status and code', async () => {
    const clean = await createInvestigation(inspector, { municipality: 'Venlo', approach: 'Schoon' });
    await publish(kit, clean, {});
    const none = await inspector.post(`/api/investigations/${clean}/follow-up`, { year: 2015 });
    expect(none.status).toBe(409);
    expect(errorCode(none)).toBe('no_improvement_points');

    const other = await createInvestigation(inspector, { municipality: 'Maastricht' });
    await publish(kit, other, { A9: 'verbeterpunt' });
    const mismatch = await inspector.post(`/api/investigations/${venlo}/follow-up`, {
      year: 2015,
      combineWith: other,
    });
    expect(mismatch.status).toBe(409);
    expect(errorCode(mismatch)).toBe('municipality_mismatch');

    const unpublishedSecond = await createInvestigation(inspector, {
      municipality: 'Venlo',
      approach: 'Later',
    });
    const notPublished = await inspector.post(`/api/investigations/${venlo}/follow-up`, {
      year: 2015,
      combineWith: unpublishedSecond,
    });
    expect(errorCode(notPublished)).toBe('baseline_not_published');

    const missing = await inspector.post('/api/investigations/ffffffffffffffffffffffff/follow-up', {
      year: 2015,
    });
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('investigation_not_found');
    const missingSecond = await inspector.post(`/api/investigations/${venlo}/follow-up`, {
      year: 2015,
      combineWith: 'ffffffffffffffffffffffff',
    });
    expect(missingSecond.status).toBe(404);
    expect((await inspector.post(`/api/investigations/${venlo}/follow-up`, { year: 1999 })).status).toBe(400);
    expect((await inspector.post(`/api/investigations/${venlo}/follow-up`, {})).status).toBe(400);
    const same = await inspector.post(`/api/investigations/${venlo}/follow-up`, {
      year: 2015,
      combineWith: venlo,
    });
    expect(same.status).toBe(400);
    expect(errorCode(same)).toBe('same_baseline');
    // Only inspectors: an anonymous client is turned away.
    expect((await kit.client().post(`/api/investigations/${venlo}/follow-up`, { year: 2015 })).status).toBe(
      401,
    );
  });
});
