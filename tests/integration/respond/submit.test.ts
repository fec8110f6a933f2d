import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reopenResponse } from '../../../server/respond/respondents.service.js';
import {
  getJson,
  realisticAnswers,
  sendJson,
  startRespondKit,
  upload,
  type RespondKit,
  type SessionBody,
} from './respond-test-kit.js';
import { samplePdf } from './sample-files.js';

let kit: RespondKit;
beforeAll(async () => {
  kit = await startRespondKit();
});
afterAll(async () => {
  await kit.stop();
});

type Detail = { question: string; message: string; panelIndex?: number; panelQuestion?: string };

/** The fixture's file answer points at a file that does not exist here: upload a real one. */
async function gemeenteAnswersWithUpload(token: string): Promise<Record<string, unknown>> {
  const documents = kit.framework.framework.context.bindings.documents ?? '';
  const uploaded = await upload(kit.url(token, '/files'), samplePdf(), 'leidraad-integrale-aanpak.pdf');
  expect(uploaded.status).toBe(201);
  return { ...realisticAnswers('gemeente'), [documents]: [uploaded.body] };
}

describe('submit', () => {
  it('refuses an incomplete questionnaire with 422 and Dutch messages per question', async () => {
    const { token } = await kit.invite(await kit.createInvestigation(), 'gemeente');
    const res = await sendJson('POST', kit.url(token, '/submit'), {
      data: {
        aanpak_naam: 'Sociale wijkteams',
        aantal_gezinnen_in_aanpak: -5,
        netwerkpartners: [{ organisatie: 'GGD', email: 'geen-adres' }],
      },
      revision: 0,
    });
    expect(res.status).toBe(422);
    const { error } = res.body as { error: { code: string; message: string; details: Detail[] } };
    expect(error.code).toBe('validation_failed');
    const byQuestion = new Map(error.details.map((d) => [d.question, d]));
    expect(byQuestion.get('aanpak_beschrijving')?.message).toBe('Beantwoord deze vraag.');
    expect(byQuestion.get('aantal_gezinnen_in_aanpak')?.message).toMatch(
      /getal van 0 of hoger in, bijvoorbeeld 350/,
    );
    expect(byQuestion.get('netwerkpartners')).toMatchObject({ panelIndex: 0, panelQuestion: 'email' });
    expect(byQuestion.get('netwerkpartners')?.message).toMatch(/e-mailadres/);
    expect(byQuestion.has('aanpak_naam')).toBe(false);
    // Nothing in English slipped through.
    for (const detail of error.details)
      expect(detail.message).not.toMatch(/response required|please|should/i);
    // Still a concept.
    const session = (await getJson(kit.url(token))).body as SessionBody;
    expect(session.response.status).toBe('concept');
  });

  it('locks a complete, realistic response as ingediend; later writes get 409 already_submitted', async () => {
    const investigation = await kit.createInvestigation();
    const { id, token } = await kit.invite(investigation, 'gemeente');
    const data = await gemeenteAnswersWithUpload(token);
    const saved = await sendJson('PUT', kit.url(token), { data, currentPageNo: 7, revision: 0 });
    expect(saved.status).toBe(200);

    const submitted = await sendJson('POST', kit.url(token, '/submit'), { data, revision: 1 });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toEqual({ status: 'ingediend', submittedAt: expect.any(String) });
    const { submittedAt } = submitted.body as { submittedAt: string };

    const session = (await getJson(kit.url(token))).body as SessionBody;
    expect(session.response).toMatchObject({ status: 'ingediend', submittedAt, revision: 2 });
    expect(session.response.data).toEqual(data);
    const respondent = await kit.ctx.models.Respondent.findById(id).lean();
    expect(respondent?.submittedAt?.toISOString()).toBe(submittedAt);

    const put = await sendJson('PUT', kit.url(token), { data, currentPageNo: 0, revision: 2 });
    expect(put.status).toBe(409);
    expect(put.body).toMatchObject({ error: { code: 'already_submitted' } });
    const again = await sendJson('POST', kit.url(token, '/submit'), { data, revision: 2 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'already_submitted' } });
    const lateUpload = await upload(kit.url(token, '/files'), samplePdf(), 'laat.pdf');
    expect(lateUpload.status).toBe(409);
    const documents = data[kit.framework.framework.context.bindings.documents ?? ''] as { id: string }[];
    const lateDelete = await fetch(kit.url(token, `/files/${documents[0]?.id}`), { method: 'DELETE' });
    expect(lateDelete.status).toBe(409);
  });

  it('a partner can submit the shorter questionnaire', async () => {
    const { token } = await kit.invite(await kit.createInvestigation(), 'netwerkpartner', 'Mondriaan');
    const res = await sendJson('POST', kit.url(token, '/submit'), {
      data: realisticAnswers('netwerkpartner'),
      revision: 0,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('drops the values of hidden questions', async () => {
    const { id, token } = await kit.invite(await kit.createInvestigation(), 'netwerkpartner', 'Mondriaan');
    const data = {
      ...realisticAnswers('netwerkpartner'),
      regisseur: 'nee',
      regisseur_functie: 'gezinscoach',
      gezamenlijk_plan: 'nee',
      plan_leidend: 'ja',
    };
    const res = await sendJson('POST', kit.url(token, '/submit'), { data, revision: 0 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stored = await kit.ctx.models.Response.findOne({ respondent: id }).lean();
    expect(stored?.data).toMatchObject({ regisseur: 'nee', gezamenlijk_plan: 'nee' });
    expect(stored?.data).not.toHaveProperty('regisseur_functie');
    expect(stored?.data).not.toHaveProperty('plan_leidend');
  });

  it('refuses file references that are not uploads of this respondent', async () => {
    const { token } = await kit.invite(await kit.createInvestigation(), 'gemeente');
    const documents = kit.framework.framework.context.bindings.documents ?? '';
    const data = {
      ...realisticAnswers('gemeente'),
      [documents]: [{ id: '0123456789abcdef01234567', name: 'x.pdf', size: 10, type: 'application/pdf' }],
    };
    const res = await sendJson('POST', kit.url(token, '/submit'), { data, revision: 0 });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { code: 'validation_failed', details: [{ question: documents }] },
    });
  });

  it('checks the shape before anything else: wrong types give 400', async () => {
    const { token } = await kit.invite(await kit.createInvestigation(), 'gemeente');
    const res = await sendJson('POST', kit.url(token, '/submit'), {
      data: { ...realisticAnswers('gemeente'), eigen_kracht: ['ja'] },
      revision: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_answers' } });
  });

  it('answers a stale submit with 409 revision_conflict and the current copy', async () => {
    const { token } = await kit.invite(await kit.createInvestigation(), 'netwerkpartner', 'Mondriaan');
    await sendJson('PUT', kit.url(token), {
      data: { rol_in_aanpak: 'Hulpverlener' },
      currentPageNo: 1,
      revision: 0,
    });
    const res = await sendJson('POST', kit.url(token, '/submit'), {
      data: realisticAnswers('netwerkpartner'),
      revision: 0,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: { code: 'revision_conflict' },
      response: { data: { rol_in_aanpak: 'Hulpverlener' }, revision: 1, status: 'concept' },
    });
  });

  it('a reopened response can be edited and submitted again', async () => {
    const { id, token } = await kit.invite(await kit.createInvestigation(), 'netwerkpartner', 'Mondriaan');
    const data = realisticAnswers('netwerkpartner');
    expect((await sendJson('POST', kit.url(token, '/submit'), { data, revision: 0 })).status).toBe(200);
    const before = (await getJson(kit.url(token))).body as SessionBody;
    expect(before.response).toMatchObject({ status: 'ingediend' });
    expect(before.response.reopenedAt).toBeUndefined();
    await reopenResponse(kit.ctx, id);
    const session = (await getJson(kit.url(token))).body as SessionBody;
    expect(session.response).toMatchObject({ status: 'concept', revision: 2 });
    expect(session.response.submittedAt).toBeUndefined();
    // The respondent page tells them why their sent answers are open again.
    expect(session.response.reopenedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    const put = await sendJson('PUT', kit.url(token), {
      data: { ...data, rol_in_aanpak: 'Aangepast' },
      currentPageNo: 0,
      revision: 2,
    });
    expect(put.status).toBe(200);
    await expect(reopenResponse(kit.ctx, id)).rejects.toMatchObject({ code: 'not_submitted' });
  });
});
