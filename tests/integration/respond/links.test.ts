import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { reissueLink, revokeRespondent } from '../../../server/respond/respondents.service.js';
import {
  getJson,
  sendJson,
  startRespondKit,
  tokenOf,
  type RespondKit,
  type SessionBody,
} from './respond-test-kit.js';

const logLines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});

let kit: RespondKit;
beforeAll(async () => {
  kit = await startRespondKit({ logger: pino({ level: 'info' }, capture) });
});
afterAll(async () => {
  await kit.stop();
});

describe('respondent links', () => {
  it('answers unknown, expired and revoked tokens identically', async () => {
    const open = await kit.createInvestigation();
    const past = await kit.createInvestigation({ linkExpiresAt: new Date(Date.now() - 60_000) });
    const expired = await kit.invite(past, 'gemeente');
    const revoked = await kit.invite(open, 'gemeente');
    await revokeRespondent(kit.ctx, revoked.id);
    const unknown = randomBytes(32).toString('base64url');

    const answers = await Promise.all(
      [unknown, expired.token, revoked.token, 'not-a-token'].map((token) => getJson(kit.url(token))),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(answers[0]?.body);
    }
    expect(answers[0]?.body).toMatchObject({ error: { code: 'link_invalid' } });
    // The same holds for writes: no endpoint tells an expired link from an unknown one.
    const put = await sendJson('PUT', kit.url(expired.token), { data: {}, currentPageNo: 0, revision: 0 });
    expect(put).toEqual({ status: 404, body: answers[0]?.body });
  });

  it('returns the survey session for a valid link and records the first opening', async () => {
    const investigation = await kit.createInvestigation();
    const { id, token } = await kit.invite(investigation, 'gemeente');
    const res = await fetch(kit.url(token));
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as SessionBody;
    const gemeente = kit.framework.questionnaires.find((q) => q.role === 'gemeente');
    expect(body).toEqual({
      respondent: { role: 'gemeente', organisation: 'Gemeente Zwolle' },
      investigation: {
        municipality: 'Zwolle',
        approach: 'Sociale wijkteams',
        year: 2025,
        deadline: '2025-10-01T00:00:00.000Z',
        deadlineText: '1 oktober 2025',
      },
      // The kit's investigation names no contact person: the configured general contact.
      contact: { name: kit.ctx.config.MAIL_CONTACT, person: false },
      questionnaire: { id: gemeente?.id, version: gemeente?.version, json: gemeente?.json },
      response: { data: {}, currentPageNo: 0, revision: 0, status: 'concept' },
    });
    const stored = await kit.ctx.models.Respondent.findById(id).lean();
    expect(stored?.openedAt).toBeInstanceOf(Date);
  });

  it("prefills a partner's organisation from the invitation", async () => {
    const investigation = await kit.createInvestigation();
    const { token } = await kit.invite(investigation, 'netwerkpartner', 'Veiligheidshuis IJsselland');
    const { body } = await getJson(kit.url(token));
    const session = body as SessionBody;
    const question = kit.framework.framework.context.bindings.respondentOrganisation;
    expect(question).toBeDefined();
    expect(session.response.data[question ?? '']).toBe('Veiligheidshuis IJsselland');
    expect(session.questionnaire.id).toBe(
      kit.framework.questionnaires.find((q) => q.role === 'netwerkpartner')?.id,
    );
  });

  it('reissuing a link invalidates the old one and keeps the answers', async () => {
    const investigation = await kit.createInvestigation();
    const first = await kit.invite(investigation, 'gemeente');
    const saved = await sendJson('PUT', kit.url(first.token), {
      data: { aanpak_naam: 'Sociale wijkteams' },
      currentPageNo: 1,
      revision: 0,
    });
    expect(saved.status).toBe(200);
    const { link } = await reissueLink(kit.ctx, first.id);
    const second = tokenOf(link);
    expect(second).not.toBe(first.token);
    expect((await getJson(kit.url(first.token))).status).toBe(404);
    const reopened = await getJson(kit.url(second));
    expect(reopened.status).toBe(200);
    expect((reopened.body as SessionBody).response).toMatchObject({
      data: { aanpak_naam: 'Sociale wijkteams' },
      currentPageNo: 1,
      revision: 1,
    });
  });

  it('reissuing a revoked link makes the respondent reachable again', async () => {
    const investigation = await kit.createInvestigation();
    const { id, token } = await kit.invite(investigation, 'netwerkpartner');
    await revokeRespondent(kit.ctx, id);
    expect((await getJson(kit.url(token))).status).toBe(404);
    const { link } = await reissueLink(kit.ctx, id);
    expect((await getJson(kit.url(tokenOf(link)))).status).toBe(200);
  });

  it('stores only the SHA-256 of the token', async () => {
    const investigation = await kit.createInvestigation();
    const { id, token } = await kit.invite(investigation, 'gemeente');
    const stored = await kit.ctx.models.Respondent.findById(id).lean();
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});

describe('respondent limit', () => {
  it('allows exactly maxPartners partners under 6 concurrent creates', async () => {
    const investigation = await kit.createInvestigation();
    const max = kit.framework.framework.maxPartners;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => kit.invite(investigation, 'netwerkpartner', `Partner ${i}`)),
    );
    const created = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(created).toHaveLength(max);
    expect(refused).toHaveLength(6 - max);
    for (const failure of refused) {
      expect(failure.reason).toMatchObject({ status: 409, code: 'respondent_limit' });
    }
    const count = await kit.ctx.models.Respondent.countDocuments({ investigation, role: 'netwerkpartner' });
    expect(count).toBe(max);
    // A fourth partner later is refused too.
    await expect(kit.invite(investigation, 'netwerkpartner')).rejects.toMatchObject({
      code: 'respondent_limit',
    });
  });

  it('refuses a second municipality respondent, also when both are created at once', async () => {
    const investigation = await kit.createInvestigation();
    const results = await Promise.allSettled([
      kit.invite(investigation, 'gemeente'),
      kit.invite(investigation, 'gemeente'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(kit.invite(investigation, 'gemeente')).rejects.toMatchObject({
      status: 409,
      code: 'respondent_limit',
    });
  });

  it('keeps limits per investigation', async () => {
    const a = await kit.createInvestigation();
    const b = await kit.createInvestigation();
    await kit.invite(a, 'gemeente');
    await expect(kit.invite(b, 'gemeente')).resolves.toBeDefined();
  });
});

describe('logging', () => {
  it('never writes a token to the logs', async () => {
    const investigation = await kit.createInvestigation();
    const { token } = await kit.invite(investigation, 'gemeente');
    const before = logLines.length;
    await getJson(kit.url(token));
    await sendJson('PUT', kit.url(token), { data: {}, currentPageNo: 0, revision: 0 });
    await sendJson('POST', kit.url(token, '/submit'), { data: { $where: 1 }, revision: 1 });
    await getJson(kit.url(token, '/files/0123456789abcdef01234567'));
    await getJson(`${kit.app.baseUrl}/v/${token}`);
    const written = logLines.slice(before);
    expect(written.length).toBeGreaterThanOrEqual(5);
    expect(written.join('')).toContain('/api/respond/[token]');
    expect(written.join('')).not.toContain(token);
  });
});
