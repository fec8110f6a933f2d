import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, sendJson, startRespondKit, type RespondKit, type SessionBody } from './respond-test-kit.js';

let kit: RespondKit;
beforeAll(async () => {
  kit = await startRespondKit();
});
afterAll(async () => {
  await kit.stop();
});

async function newGemeenteToken(): Promise<string> {
  const investigation = await kit.createInvestigation();
  return (await kit.invite(investigation, 'gemeente')).token;
}

describe('autosave', () => {
  it('stores data and page, and a reload returns them', async () => {
    const token = await newGemeenteToken();
    const data = {
      aanpak_naam: 'Sociale wijkteams',
      aantal_gezinnen_in_aanpak: 120,
      doelgroep_kenmerken: ['meervoudige_problematiek', 'other'],
      'doelgroep_kenmerken-Comment': 'Gezinnen met schulden',
      netwerkpartners: [{ organisatie: 'GGD IJsselland', email: 'info@ggd.nl' }],
    };
    const first = await sendJson('PUT', kit.url(token), { data, currentPageNo: 2, revision: 0 });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ revision: 1, savedAt: expect.any(String) });
    expect(Number.isNaN(Date.parse((first.body as { savedAt: string }).savedAt))).toBe(false);

    const reload = await getJson(kit.url(token));
    expect((reload.body as SessionBody).response).toEqual({
      data,
      currentPageNo: 2,
      revision: 1,
      status: 'concept',
    });

    const second = await sendJson('PUT', kit.url(token), {
      data: { ...data, aanpak_naam: 'Wijkteams' },
      currentPageNo: 3,
      revision: 1,
    });
    expect(second.body).toMatchObject({ revision: 2 });
  });

  it('rejects a stale revision with 409 and the current copy', async () => {
    const token = await newGemeenteToken();
    await sendJson('PUT', kit.url(token), { data: { aanpak_naam: 'Eerste' }, currentPageNo: 1, revision: 0 });
    const stale = await sendJson('PUT', kit.url(token), {
      data: { aanpak_naam: 'Tweede' },
      currentPageNo: 4,
      revision: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      error: { code: 'revision_conflict', message: expect.any(String) },
      response: { data: { aanpak_naam: 'Eerste' }, currentPageNo: 1, revision: 1, status: 'concept' },
    });
  });

  it('lets exactly one of two concurrent saves with the same revision win', async () => {
    const token = await newGemeenteToken();
    const payloads = ['Versie A', 'Versie B'].map((name) => ({
      data: { aanpak_naam: name },
      currentPageNo: 1,
      revision: 0,
    }));
    const results = await Promise.all(payloads.map((payload) => sendJson('PUT', kit.url(token), payload)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = payloads[results.findIndex((r) => r.status === 200)];
    const loser = results.find((r) => r.status === 409);
    expect(loser?.body).toMatchObject({ response: { data: winner?.data, revision: 1 } });
    const stored = await getJson(kit.url(token));
    expect((stored.body as SessionBody).response.data).toEqual(winner?.data);
  });

  it('rejects $ and dotted keys anywhere in the answers with 400', async () => {
    const token = await newGemeenteToken();
    for (const data of [
      { $where: 'sleep(1000)' },
      { 'a.b': 'x' },
      { netwerkpartners: [{ organisatie: 'A', $gt: '' }] },
    ]) {
      const res = await sendJson('PUT', kit.url(token), { data, currentPageNo: 0, revision: 0 });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_answers', details: [expect.any(Object)] } });
    }
  });

  it('rejects values of the wrong type or size with 400 and per-question details', async () => {
    const token = await newGemeenteToken();
    const cases: Record<string, unknown>[] = [
      { aanpak_naam: 42 },
      { aantal_gezinnen_in_aanpak: 'veel' },
      { doelgroep_kenmerken: 'meervoudige_problematiek' },
      { melders: ['politie', 'bestaat_niet'] },
      { eigen_kracht: 'misschien' },
      { aanpak_beschrijving: 'x'.repeat(20_001) },
      { aanpak_naam: 'x'.repeat(201) },
      { documenten: [{ name: 'a.pdf' }] },
      {
        netwerkpartners: Array.from({ length: kit.framework.framework.maxPartners + 1 }, (_, i) => ({
          organisatie: `P${i}`,
          email: `p${i}@example.nl`,
        })),
      },
    ];
    for (const data of cases) {
      const res = await sendJson('PUT', kit.url(token), { data, currentPageNo: 0, revision: 0 });
      expect(res.status, JSON.stringify(data).slice(0, 80)).toBe(400);
      const [question] = Object.keys(data);
      expect(res.body).toMatchObject({
        error: {
          code: 'invalid_answers',
          details: expect.arrayContaining([expect.objectContaining({ question })]),
        },
      });
    }
    // Nothing was stored by the refused requests.
    const stored = await getJson(kit.url(token));
    expect((stored.body as SessionBody).response.revision).toBe(0);
  });

  it('drops keys that are not questions of this questionnaire', async () => {
    const token = await newGemeenteToken();
    const res = await sendJson('PUT', kit.url(token), {
      data: { aanpak_naam: 'Wijkteams', geen_vraag: 'weg', organisatie: 'alleen voor partners' },
      currentPageNo: 0,
      revision: 0,
    });
    expect(res.status).toBe(200);
    const stored = await getJson(kit.url(token));
    expect((stored.body as SessionBody).response.data).toEqual({ aanpak_naam: 'Wijkteams' });
  });

  it('rejects a malformed body with 400 invalid_body', async () => {
    const token = await newGemeenteToken();
    const res = await sendJson('PUT', kit.url(token), { data: [], currentPageNo: -1 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_body' } });
  });

  it('records when the respondent started and was last active', async () => {
    const investigation = await kit.createInvestigation();
    const { id, token } = await kit.invite(investigation, 'gemeente');
    await sendJson('PUT', kit.url(token), { data: { aanpak_naam: 'X' }, currentPageNo: 0, revision: 0 });
    const stored = await kit.ctx.models.Respondent.findById(id).lean();
    expect(stored?.startedAt).toBeInstanceOf(Date);
    expect(stored?.lastActivityAt).toBeInstanceOf(Date);
    const response = await kit.ctx.models.Response.findOne({ respondent: id }).lean();
    expect(response?.progress).toBeGreaterThan(0);
  });
});
