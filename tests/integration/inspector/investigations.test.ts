import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realisticAnswers, tokenOf } from '../respond/respond-test-kit.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from './inspector-test-kit.js';

let kit: InspectorKit;
let inspector: HttpClient;
beforeAll(async () => {
  kit = await startInspectorKit();
  inspector = await loggedInInspector(kit);
});
afterAll(async () => {
  await kit.stop();
});

type RespondentBody = {
  id: string;
  status: string;
  remindersSent: number;
  invitedAt?: string;
  progress: number;
};

async function createInvestigation(municipality: string, year = 2025): Promise<string> {
  const reply = await inspector.post('/api/investigations', {
    municipality,
    approach: 'Integrale aanpak',
    year,
    deadline: '2030-10-01',
  });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

async function respondentsOf(id: string): Promise<RespondentBody[]> {
  const reply = await inspector.get(`/api/investigations/${id}`);
  expect(reply.status).toBe(200);
  return reply.body.respondents as RespondentBody[];
}

const respondUrl = (link: string, suffix = '') => `${kit.app.baseUrl}/api/respond/${tokenOf(link)}${suffix}`;

describe('investigations', () => {
  it('creates and lists investigations with filters', async () => {
    await createInvestigation('Zwolle');
    await createInvestigation('Deventer', 2024);
    const all = await inspector.get('/api/investigations');
    expect((all.body.items as unknown[]).length).toBe(2);
    const filtered = await inspector.get('/api/investigations?year=2024');
    expect(filtered.body.items).toMatchObject([{ municipality: 'Deventer', respondentCounts: { total: 0 } }]);
    const search = await inspector.get('/api/investigations?q=zwol');
    expect(search.body.items).toMatchObject([{ municipality: 'Zwolle' }]);
    expect((await inspector.get('/api/investigations?year=abc')).status).toBe(400);
    expect((await inspector.post('/api/investigations', { municipality: '' })).status).toBe(400);
    expect(errorCode(await inspector.get('/api/investigations/ffffffffffffffffffffffff'))).toBe(
      'investigation_not_found',
    );
  });

  it('adds respondents, enforces the limit, and tracks status through invite, open, reissue, revoke, submit, reopen', async () => {
    const id = await createInvestigation('Kampen');
    const added = await inspector.post(`/api/investigations/${id}/respondents`, {
      role: 'gemeente',
      organisation: 'Gemeente Kampen',
      contactName: 'C. Visser',
      email: 'beleid@kampen.example',
    });
    expect(added.status).toBe(201);
    const listed = await inspector.get('/api/investigations?q=kampen');
    expect(listed.body.items).toMatchObject([
      {
        respondentCounts: { total: 1, niet_uitgenodigd: 1 },
        respondents: [
          { role: 'gemeente', organisation: 'Gemeente Kampen', status: 'niet_uitgenodigd', progress: 0 },
        ],
      },
    ]);
    expect(added.body).toMatchObject({ id: expect.any(String), link: expect.stringContaining('/v/') });
    const rid = String(added.body.id);
    expect((await respondentsOf(id))[0]).toMatchObject({
      status: 'niet_uitgenodigd',
      progress: 0,
      remindersSent: 0,
    });

    const second = await inspector.post(`/api/investigations/${id}/respondents`, {
      role: 'gemeente',
      organisation: 'Nog een gemeente',
      email: 'x@kampen.example',
    });
    expect(second.status).toBe(409);
    expect(errorCode(second)).toBe('respondent_limit');

    const invited = await inspector.post(`/api/investigations/${id}/respondents/${rid}/invite`);
    expect(invited.status).toBe(200);
    const link = String(invited.body.link);
    expect((await fetch(respondUrl(String(added.body.link)))).status).toBe(404);
    expect((await respondentsOf(id))[0]).toMatchObject({
      status: 'uitgenodigd',
      invitedAt: expect.any(String),
    });
    const mail = await inspector.get(`/api/outbox?investigation=${id}`);
    expect(mail.body.items).toMatchObject([
      { kind: 'invitation', status: 'stored', to: 'beleid@kampen.example' },
    ]);
    expect((mail.body.items as { text: string }[])[0]?.text).toContain(link);

    expect((await fetch(respondUrl(link))).status).toBe(200);
    expect((await respondentsOf(id))[0]?.status).toBe('geopend');

    const reminded = await inspector.post(`/api/investigations/${id}/respondents/${rid}/remind`);
    expect(reminded.status).toBe(200);
    // The link was opened, so it may be open in a tab: the reminder leaves it working and sends none.
    expect(reminded.body.link).toBeUndefined();
    expect((await fetch(respondUrl(link))).status).toBe(200);
    expect((await respondentsOf(id))[0]?.remindersSent).toBe(1);

    const reissued = await inspector.post(`/api/investigations/${id}/respondents/${rid}/reissue`);
    const newLink = String(reissued.body.link);
    expect((await fetch(respondUrl(link))).status).toBe(404);
    expect((await fetch(respondUrl(newLink))).status).toBe(200);

    expect((await inspector.post(`/api/investigations/${id}/respondents/${rid}/revoke`)).status).toBe(200);
    expect((await fetch(respondUrl(newLink))).status).toBe(404);
    const again = await inspector.post(`/api/investigations/${id}/respondents/${rid}/reissue`);
    const workingLink = String(again.body.link);

    const answers = realisticAnswers('gemeente');
    delete answers.documenten;
    const submit = await fetch(respondUrl(workingLink, '/submit'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: answers, revision: 0 }),
    });
    expect(submit.status).toBe(200);
    expect((await respondentsOf(id))[0]).toMatchObject({ status: 'ingediend', progress: 100 });
    // The submit sent a receipt and wrote an audit entry.
    const receipt = await kit.ctx.models.MailMessage.findOne({
      kind: 'receipt',
      to: 'beleid@kampen.example',
    }).lean();
    expect(receipt?.subject).toContain('Ontvangstbevestiging');

    const remindSubmitted = await inspector.post(`/api/investigations/${id}/respondents/${rid}/remind`);
    expect(errorCode(remindSubmitted)).toBe('already_submitted');
    expect((await inspector.post(`/api/investigations/${id}/respondents/${rid}/reopen`)).status).toBe(200);
    expect((await respondentsOf(id))[0]?.status).not.toBe('ingediend');

    const audit = await inspector.get(`/api/investigations/${id}/audit`);
    const actions = (audit.body.items as { action: string }[]).map((e) => e.action);
    for (const action of [
      'investigation_created',
      'respondent_created',
      'respondent_invited',
      'respondent_reminded',
      'link_reissued',
      'respondent_revoked',
      'response_submitted',
      'response_reopened',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('answers 404 for a respondent of another investigation', async () => {
    const a = await createInvestigation('Almere');
    const b = await createInvestigation('Lelystad');
    const added = await inspector.post(`/api/investigations/${a}/respondents`, {
      role: 'gemeente',
      organisation: 'Gemeente Almere',
      email: 'beleid@almere.example',
    });
    const reply = await inspector.post(
      `/api/investigations/${b}/respondents/${String(added.body.id)}/reissue`,
    );
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('respondent_not_found');
  });
});

describe('nominations', () => {
  it("lists the municipality's nominated partners and creates at most three, with invitations", async () => {
    const id = await createInvestigation('Zutphen');
    const added = await inspector.post(`/api/investigations/${id}/respondents`, {
      role: 'gemeente',
      organisation: 'Gemeente Zutphen',
      email: 'beleid@zutphen.example',
    });
    const answers = realisticAnswers('gemeente');
    delete answers.documenten;
    const save = await fetch(respondUrl(String(added.body.link)), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: answers, currentPageNo: 0, revision: 0 }),
    });
    expect(save.status).toBe(200);

    const list = await inspector.get(`/api/investigations/${id}/nominations`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      max: 3,
      items: [
        {
          index: 0,
          organisation: 'Mondriaan',
          contactName: 'A. Jansen',
          email: 'a.jansen@mondriaan.example',
        },
        { index: 1, organisation: 'Trajectbureau' },
        { index: 2, organisation: 'Bureau Jeugdzorg' },
      ],
    });

    // One partner added by hand first: only two of the three nominations fit.
    await inspector.post(`/api/investigations/${id}/respondents`, {
      role: 'netwerkpartner',
      organisation: 'GGD',
      email: 'ggd@example.org',
    });
    const confirmed = await inspector.post(`/api/investigations/${id}/nominations/confirm`, {
      nominations: [0, 1, 2],
    });
    expect(confirmed.status).toBe(201);
    expect((confirmed.body.created as unknown[]).length).toBe(2);
    expect(confirmed.body.skipped).toEqual([{ index: 2, reason: 'respondent_limit' }]);

    const respondents = await respondentsOf(id);
    expect(
      respondents.filter((r) => (r as unknown as { role: string }).role === 'netwerkpartner'),
    ).toHaveLength(3);
    const invitations = await kit.ctx.models.MailMessage.find({
      investigation: id,
      kind: 'invitation',
    }).lean();
    expect(invitations.map((m) => m.to).sort()).toEqual([
      'a.jansen@mondriaan.example',
      'info@trajectbureau.example',
    ]);

    const after = await inspector.get(`/api/investigations/${id}/nominations`);
    expect((after.body.items as { respondentId?: string }[]).filter((n) => n.respondentId)).toHaveLength(2);
    const full = await inspector.post(`/api/investigations/${id}/nominations/confirm`, { nominations: [2] });
    expect(full.status).toBe(409);
    expect(errorCode(full)).toBe('respondent_limit');
    const audit = await kit.ctx.models.AuditEntry.countDocuments({
      action: 'nominations_confirmed',
      investigation: id,
    });
    expect(audit).toBe(1);
  });
});
