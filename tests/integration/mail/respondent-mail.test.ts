import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../../server/jobs/reminders.job.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { realisticAnswers } from '../respond/respond-test-kit.js';
import { decodeQuotedPrintable, startSmtpSink, type ReceivedMail, type SmtpSink } from './smtp-sink.js';

const DAY = 24 * 60 * 60 * 1000;
let sink: SmtpSink;
let kit: InspectorKit;
let inspector: HttpClient;

beforeAll(async () => {
  sink = await startSmtpSink();
  kit = await startInspectorKit({
    env: {
      SMTP_URL: sink.url,
      MAIL_CONTACT: 'het secretariaat van Samenwerkend Toezicht Jeugd',
      MAIL_CONTACT_EMAIL: 'info@stj.example',
      REMINDER_DAYS_BEFORE: '7',
      REMINDER_DAYS_AFTER: 'none',
    },
  });
  // The account's name is the part before the @ (inspector-test-kit addUser).
  inspector = await loggedInInspector(kit, 'j.de.vries@stj.example');
});
afterAll(async () => {
  await kit.stop();
  await sink.stop();
});

function mailsTo(email: string, subject: string): string[] {
  return sink.received
    .filter((m: ReceivedMail) => m.to.includes(email))
    .map((m) => decodeQuotedPrintable(m.raw))
    .filter((body) => body.includes(subject));
}

function linkIn(body: string): string {
  const link = /http:\/\/[^\s"<]+\/v\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link).toBeDefined();
  return link ?? '';
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
const openLink = (link: string) => fetch(`${kit.app.baseUrl}/api/respond/${tokenOf(link)}`);

async function newInvestigation(body: Record<string, unknown> = {}): Promise<string> {
  const reply = await inspector.post('/api/investigations', {
    municipality: 'Deventer',
    approach: 'Integrale aanpak',
    year: 2027,
    deadline: '2030-06-01',
    ...body,
  });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

async function addRespondent(
  id: string,
  email: string,
  invite: boolean,
  role: 'gemeente' | 'netwerkpartner' = 'gemeente',
): Promise<string> {
  const reply = await inspector.post(`/api/investigations/${id}/respondents`, {
    role,
    organisation: role === 'gemeente' ? 'Gemeente Deventer' : 'GGD IJsselland',
    email,
    invite,
  });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

describe('reminders carry a working link', () => {
  it('"Herinneren" after a re-issued link that was never mailed sends a new working link', async () => {
    const id = await newInvestigation();
    const rid = await addRespondent(id, 'a@deventer.example', true);
    const invitationLink = linkIn(mailsTo('a@deventer.example', 'Uitnodiging')[0] ?? '');
    expect((await openLink(invitationLink)).status).toBe(200);

    // "Nieuwe link" with the mail unticked: the invitation's link is dead and the new one never sent.
    const reissued = await inspector.post(`/api/investigations/${id}/respondents/${rid}/reissue`);
    expect((await openLink(invitationLink)).status).toBe(404);

    const reminded = await inspector.post(`/api/investigations/${id}/respondents/${rid}/remind`);
    expect(reminded.status).toBe(200);
    const reminder = mailsTo('a@deventer.example', 'Herinnering')[0] ?? '';
    const reminderLink = linkIn(reminder);
    expect(reminderLink).toBe(reminded.body.link);
    expect((await openLink(reminderLink)).status).toBe(200);
    expect((await openLink(String(reissued.body.link))).status).toBe(404);
    expect(reminder).toContain('Links uit eerdere e-mails werken niet meer');
    expect(reminder).not.toContain('Gebruik de persoonlijke link uit de uitnodiging');

    // The stored copy never holds a working token once SMTP has it.
    const stored = await kit.ctx.models.MailMessage.findOne({
      kind: 'reminder',
      to: 'a@deventer.example',
    }).lean();
    expect(stored?.text).not.toContain(tokenOf(reminderLink));
  });

  it('refuses to remind through a revoked link', async () => {
    const id = await newInvestigation();
    const rid = await addRespondent(id, 'b@deventer.example', true);
    await inspector.post(`/api/investigations/${id}/respondents/${rid}/revoke`);
    const reminded = await inspector.post(`/api/investigations/${id}/respondents/${rid}/remind`);
    expect(reminded.status).toBe(409);
    expect(errorCode(reminded)).toBe('link_revoked');
  });
});

describe('contact person', () => {
  it('defaults to the creating inspector, signs every mail and is in the respondent session', async () => {
    const id = await newInvestigation();
    const detail = await inspector.get(`/api/investigations/${id}`);
    expect(detail.body.contact).toMatchObject({ name: 'j.de.vries', email: 'j.de.vries@stj.example' });

    const rid = await addRespondent(id, 'd@deventer.example', true);
    const invitation = mailsTo('d@deventer.example', 'Uitnodiging')[0] ?? '';
    expect(invitation).toContain('Neem dan contact op met j.de.vries (j.de.vries@stj.example)');
    expect(invitation).toMatch(/Met vriendelijke groet,(<br>|\r?\n)j\.de\.vries/);
    // The mail no longer forbids forwarding while inviting colleagues to use the same link.
    expect(invitation).not.toContain('stuur deze e-mail niet door');

    const session = await openLink(linkIn(invitation));
    const body = (await session.json()) as { contact?: unknown };
    expect(body.contact).toEqual({ name: 'j.de.vries', email: 'j.de.vries@stj.example', person: true });

    // Another inspector becomes the contact person: later mails name her.
    await kit.addUser('a.bakker@stj.example');
    const candidates = await inspector.get('/api/investigation-contacts');
    const bakker = (candidates.body.items as { id: string; email: string }[]).find(
      (c) => c.email === 'a.bakker@stj.example',
    );
    expect(bakker).toBeDefined();
    const patched = await inspector.send('PATCH', `/api/investigations/${id}`, { contactUserId: bakker?.id });
    expect(patched.status).toBe(200);
    expect(patched.body.contact).toMatchObject({ email: 'a.bakker@stj.example' });
    await inspector.post(`/api/investigations/${id}/respondents/${rid}/remind`);
    expect(mailsTo('d@deventer.example', 'Herinnering')[0]).toContain('a.bakker@stj.example');

    const unknown = await inspector.send('PATCH', `/api/investigations/${id}`, {
      contactUserId: '0123456789abcdef01234567',
    });
    expect(unknown.status).toBe(400);
    expect(errorCode(unknown)).toBe('invalid_contact');
  });

  it('the receipt names the contact person and says nothing about a link it does not contain', async () => {
    const id = await newInvestigation();
    await addRespondent(id, 'e@deventer.example', true);
    const link = linkIn(mailsTo('e@deventer.example', 'Uitnodiging')[0] ?? '');
    const token = tokenOf(link);
    const answers = realisticAnswers('gemeente');
    delete answers.documenten;
    const submitted = await fetch(`${kit.app.baseUrl}/api/respond/${token}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: answers, revision: 0 }),
    });
    expect(submitted.status).toBe(200);
    await expect.poll(() => mailsTo('e@deventer.example', 'Ontvangstbevestiging').length).toBe(1);
    const receipt = mailsTo('e@deventer.example', 'Ontvangstbevestiging')[0] ?? '';
    expect(receipt).toContain('j.de.vries@stj.example');
    expect(receipt).not.toMatch(/De link|\/v\//);
  });

  it('without a contact person (or on the invalid-link page) the general contact is named', async () => {
    const general = await fetch(`${kit.app.baseUrl}/api/respond-contact`);
    expect(await general.json()).toEqual({
      name: 'het secretariaat van Samenwerkend Toezicht Jeugd',
      email: 'info@stj.example',
      person: false,
    });
    // A record from before contact persons existed.
    const legacy = await kit.ctx.models.Investigation.create({
      municipality: 'Olst-Wijhe',
      approach: 'Integrale aanpak',
      year: 2027,
    });
    const rid = await addRespondent(legacy._id.toString(), 'f@olst.example', true);
    expect(rid).toBeTruthy();
    const invitation = mailsTo('f@olst.example', 'Uitnodiging')[0] ?? '';
    expect(invitation).toContain(
      'Neem dan contact op met het secretariaat van Samenwerkend Toezicht Jeugd (info@stj.example)',
    );
  });
});

describe('deadline as a calendar day in Europe/Amsterdam', () => {
  it('a day picked in a browser in New York is the same day in the mail, the session and the edit form', async () => {
    // What an older client in UTC-5 sent for "31 januari": the end of its own local day.
    const id = await newInvestigation({ deadline: '2027-01-31T23:59:59-05:00' });
    const detail = await inspector.get(`/api/investigations/${id}`);
    expect(detail.body.deadlineDay).toBe('2027-01-31');
    expect(detail.body.deadline).toBe('2027-01-31T22:59:59.999Z');

    await addRespondent(id, 'g@deventer.example', true);
    const invitation = mailsTo('g@deventer.example', 'Uitnodiging')[0] ?? '';
    expect(invitation).toContain('uiterlijk 31 januari 2027');
    expect(invitation).not.toContain('1 februari');
    const session = (await (await openLink(linkIn(invitation))).json()) as {
      investigation: { deadlineText?: string };
    };
    expect(session.investigation.deadlineText).toBe('31 januari 2027');

    const patched = await inspector.send('PATCH', `/api/investigations/${id}`, { deadline: '2027-07-15' });
    expect(patched.body.deadlineDay).toBe('2027-07-15');
    expect(patched.body.deadline).toBe('2027-07-15T21:59:59.999Z');
  });
});

// Last: it moves the clock by days, which ends the inspector's session.
describe('scheduled reminders', () => {
  it('the reminder job replaces an unopened link, and never one in use (an open tab keeps saving)', async () => {
    const deadline = new Date(kit.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
    const id = await newInvestigation({ deadline });
    await addRespondent(id, 'openeunopened@deventer.example', true);
    await addRespondent(id, 'unopened@deventer.example', true, 'netwerkpartner');
    const opened = linkIn(mailsTo('openeunopened@deventer.example', 'Uitnodiging')[0] ?? '');
    const unopened = linkIn(mailsTo('unopened@deventer.example', 'Uitnodiging')[0] ?? '');
    expect((await openLink(opened)).status).toBe(200);

    kit.advance(4 * DAY);
    expect((await runReminders(kit.ctx)).sent).toBe(2);
    // In use: the reminder points to it and it keeps working.
    const toOpened = mailsTo('openeunopened@deventer.example', 'Herinnering')[0] ?? '';
    expect(toOpened).toContain('Ga verder via de link uit onze eerdere e-mail');
    expect(toOpened).not.toContain('/v/');
    expect((await openLink(opened)).status).toBe(200);
    // Never opened (perhaps lost): the reminder carries a fresh link and the old one stops.
    const fresh = linkIn(mailsTo('unopened@deventer.example', 'Herinnering')[0] ?? '');
    expect((await openLink(fresh)).status).toBe(200);
    expect((await openLink(unopened)).status).toBe(404);
  });
});
