import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { realisticAnswers } from '../respond/respond-test-kit.js';
import { decodeQuotedPrintable, startSmtpSink, type SmtpSink } from './smtp-sink.js';

let sink: SmtpSink;
let kit: InspectorKit;
let inspector: HttpClient;

beforeAll(async () => {
  sink = await startSmtpSink();
  kit = await startInspectorKit({ env: { SMTP_URL: sink.url, MAIL_FROM: 'STJ <noreply@stj.example>' } });
  inspector = await loggedInInspector(kit);
});
afterAll(async () => {
  await kit.stop();
  await sink.stop();
});

async function newInvestigation(client: HttpClient): Promise<string> {
  const reply = await client.post('/api/investigations', {
    municipality: 'Hengelo',
    approach: 'Integrale aanpak',
    year: 2025,
    deadline: '2030-06-01',
  });
  return String(reply.body.id);
}

describe('mail over SMTP', () => {
  it('delivers the invitation with a working personal link and records it as sent', async () => {
    const id = await newInvestigation(inspector);
    const added = await inspector.post(`/api/investigations/${id}/respondents`, {
      role: 'gemeente',
      organisation: 'Gemeente Hengelo',
      contactName: 'D. Smit',
      email: 'beleid@hengelo.example',
      invite: true,
    });
    expect(added.status).toBe(201);
    const mail = sink.received.find((m) => m.to.includes('beleid@hengelo.example'));
    expect(mail).toBeDefined();
    const body = decodeQuotedPrintable(mail?.raw ?? '');
    expect(body).toContain('Samenwerkend Toezicht Jeugd onderzoekt hoe de gemeente Hengelo');
    expect(body).toContain('Beste D. Smit');
    expect(body).toContain('1 juni 2030');
    expect(body).toContain('text/html');
    const link = /http:\/\/[^\s"<]+\/v\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
    expect(link).toBe(added.body.link);
    const token = link?.slice(link.lastIndexOf('/') + 1) ?? '';
    const opened = await fetch(`${kit.app.baseUrl}/api/respond/${token}`);
    expect(opened.status).toBe(200);

    const outbox = await inspector.get(`/api/outbox?investigation=${id}`);
    const [item] = outbox.body.items as { status: string; text: string; sentAt?: string }[];
    expect(item).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    // The stored copy of a sent message does not hand out the link.
    expect(item?.text).not.toContain(token);

    // Submitting sends a receipt in the background: the submit reply does not wait for SMTP.
    const answers = realisticAnswers('gemeente');
    delete answers.documenten;
    const submit = await fetch(`${kit.app.baseUrl}/api/respond/${token}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: answers, revision: 0 }),
    });
    expect(submit.status).toBe(200);
    await expect
      .poll(
        () =>
          sink.received.filter((m) => m.raw.includes('Subject: Ontvangstbevestiging vragenlijst Hengelo'))
            .length,
      )
      .toBe(1);
    await expect
      .poll(async () => (await kit.ctx.models.MailMessage.findOne({ kind: 'receipt' }).lean())?.status)
      .toBe('sent');
  });

  it('delivers a password reset link that works once', async () => {
    await kit.addUser('vergeten@stj.example');
    const requested = await kit.client().post('/api/password-reset', { email: 'vergeten@stj.example' });
    expect(requested.status).toBe(202);
    const mail = sink.received.find((m) => m.to.includes('vergeten@stj.example'));
    const token = /wachtwoord-herstellen#token=([A-Za-z0-9_-]{43})/.exec(
      decodeQuotedPrintable(mail?.raw ?? ''),
    )?.[1];
    expect(token).toBeDefined();
    const confirm = await kit
      .client()
      .post('/api/password-reset/confirm', { token, password: 'een nieuw lang wachtwoord' });
    expect(confirm.status).toBe(204);
    expect((await kit.client().login('vergeten@stj.example', 'een nieuw lang wachtwoord')).status).toBe(200);
  });
});

describe('mail failures', () => {
  it('records a refused message as failed, never as sent', async () => {
    const refusing = await startSmtpSink({ reject: true });
    const other = await startInspectorKit({ env: { SMTP_URL: refusing.url } });
    try {
      await other.addUser('inspecteur@stj.example');
      const client = other.client();
      await client.login('inspecteur@stj.example', PASSWORD);
      const id = await newInvestigation(client);
      const added = await client.post(`/api/investigations/${id}/respondents`, {
        role: 'gemeente',
        organisation: 'Gemeente Hengelo',
        email: 'beleid@hengelo.example',
        invite: true,
      });
      expect(added.status).toBe(201);
      const outbox = await client.get('/api/outbox');
      expect(outbox.body.items).toMatchObject([
        { kind: 'invitation', status: 'failed', error: expect.stringContaining('550') },
      ]);
      // A failed invitation does not count as invited.
      const detail = await client.get(`/api/investigations/${id}`);
      expect(detail.body.respondents).toMatchObject([{ status: 'niet_uitgenodigd' }]);
    } finally {
      await other.stop();
      await refusing.stop();
    }
  });

  it('records an unreachable SMTP server as failed', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as net.AddressInfo;
        probe.close(() => resolve(address.port));
      });
    });
    const other = await startInspectorKit({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      const message = await other.ctx.mailer.send({
        to: 'x@example.org',
        kind: 'receipt',
        subject: 'Test',
        text: 'Test',
        html: '<p>Test</p>',
      });
      expect(message.status).toBe('failed');
      expect(message.error).toMatch(/ECONNREFUSED|connect/i);
      const stored = await other.ctx.models.MailMessage.findById(message._id).lean();
      expect(stored?.status).toBe('failed');
    } finally {
      await other.stop();
    }
  });
});
