import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, PASSWORD, startInspectorKit, type InspectorKit } from './inspector-test-kit.js';

let kit: InspectorKit;
beforeAll(async () => {
  kit = await startInspectorKit();
  await kit.addUser('inspecteur@stj.example');
  await kit.addUser('beheerder@stj.example', 'beheerder');
});
afterAll(async () => {
  await kit.stop();
});

const MINUTE = 60_000;

describe('login and session', () => {
  it('logs in, returns the user and a CSRF token, and changes the session id at login', async () => {
    const client = kit.client();
    // A session id planted before login (session fixation) must not survive it.
    await client.post('/api/password-reset', { email: 'nobody@stj.example' });
    client.cookies.set('stj.sid', 's%3Aplanted.signature');
    const planted = client.sessionId;
    const reply = await client.login('Inspecteur@stj.example', PASSWORD);
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({
      email: 'inspecteur@stj.example',
      role: 'inspecteur',
      active: true,
    });
    expect(client.sessionId).toBeDefined();
    expect(client.sessionId).not.toBe(planted);
    const cookie = reply.headers.getSetCookie().join(';').toLowerCase();
    expect(cookie).toContain('httponly');
    expect(cookie).toContain('samesite=strict');

    const session = await client.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      user: { email: 'inspecteur@stj.example' },
      csrfToken: client.csrfToken,
    });
    expect(JSON.stringify(session.body)).not.toContain('passwordHash');

    // Logging in again on the same browser regenerates the session: the previous id is dead.
    const before = new Map(client.cookies);
    await client.login('inspecteur@stj.example', PASSWORD);
    expect(client.sessionId).not.toBe(before.get('stj.sid'));
    const old = kit.client();
    old.cookies = before;
    expect((await old.get('/api/session')).status).toBe(401);
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const unknown = await kit.client().login('nobody@stj.example', PASSWORD);
    const wrong = await kit.client().login('beheerder@stj.example', 'not the password at all');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(errorCode(wrong)).toBe('invalid_credentials');
  });

  it('answers 401 to GET /api/session without a session', async () => {
    const reply = await kit.client().get('/api/session');
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('unauthenticated');
  });

  it('refuses a state-changing request without the CSRF token, and with a foreign Origin', async () => {
    const client = kit.client();
    await client.login('inspecteur@stj.example', PASSWORD);
    const body = { municipality: 'Zwolle', approach: 'Wijkteams', year: 2025 };
    const missing = await client.post('/api/investigations', body, { csrf: false });
    expect(missing.status).toBe(403);
    expect(errorCode(missing)).toBe('csrf_failed');
    const wrongToken = await client.send('POST', '/api/investigations', body, {
      csrf: false,
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.status).toBe(403);
    const foreign = await client.send('POST', '/api/investigations', body, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(errorCode(foreign)).toBe('csrf_failed');
    const ok = await client.post('/api/investigations', body);
    expect(ok.status).toBe(201);
  });

  it('logs out: the session no longer works', async () => {
    const client = kit.client();
    await client.login('inspecteur@stj.example', PASSWORD);
    const cookies = new Map(client.cookies);
    expect((await client.send('DELETE', '/api/session')).status).toBe(204);
    client.cookies = cookies;
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const client = kit.client();
    await client.login('inspecteur@stj.example', PASSWORD);
    kit.advance(29 * MINUTE);
    expect((await client.get('/api/session')).status).toBe(200);
    // The previous request counted as activity: another 29 minutes is still fine.
    kit.advance(29 * MINUTE);
    expect((await client.get('/api/session')).status).toBe(200);
    kit.advance(31 * MINUTE);
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('ends a session 12 hours after login even when active', async () => {
    const client = kit.client();
    await client.login('inspecteur@stj.example', PASSWORD);
    for (let i = 0; i < 24; i += 1) {
      kit.advance(29 * MINUTE);
      expect((await client.get('/api/session')).status).toBe(200);
    }
    kit.advance(29 * MINUTE); // 12h05 after login
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('lets only a beheerder manage accounts', async () => {
    const inspector = kit.client();
    await inspector.login('inspecteur@stj.example', PASSWORD);
    expect((await inspector.get('/api/users')).status).toBe(403);
    const create = await inspector.post('/api/users', {
      email: 'x@stj.example',
      name: 'X',
      role: 'beheerder',
    });
    expect(create.status).toBe(403);
    expect(errorCode(create)).toBe('forbidden');
    expect((await inspector.get('/api/audit')).status).toBe(403);

    const admin = kit.client();
    await admin.login('beheerder@stj.example', PASSWORD);
    const list = await admin.get('/api/users');
    expect(list.status).toBe(200);
    const created = await admin.post('/api/users', {
      email: 'nieuw@stj.example',
      name: 'Nieuw',
      role: 'inspecteur',
    });
    expect(created.status).toBe(201);
    const id = (created.body.user as { id: string }).id;
    // Without a password the new user gets a set-password mail.
    const mail = await kit.ctx.models.MailMessage.findOne({
      to: 'nieuw@stj.example',
      kind: 'account_created',
    }).lean();
    expect(mail?.text).toContain('/wachtwoord-herstellen#token=');
    const duplicate = await admin.post('/api/users', {
      email: 'nieuw@stj.example',
      name: 'Nieuw',
      role: 'inspecteur',
    });
    expect(errorCode(duplicate)).toBe('email_taken');
    const patched = await admin.send('PATCH', `/api/users/${id}`, { role: 'beheerder' });
    expect(patched.status).toBe(200);
    expect(patched.body.user).toMatchObject({ role: 'beheerder' });
  });

  it('ends the sessions of a deactivated user', async () => {
    await kit.addUser('weg@stj.example');
    const user = kit.client();
    await user.login('weg@stj.example', PASSWORD);
    const admin = kit.client();
    await admin.login('beheerder@stj.example', PASSWORD);
    const { items } = (await admin.get('/api/users')).body as { items: { id: string; email: string }[] };
    const id = items.find((u) => u.email === 'weg@stj.example')?.id;
    expect((await admin.send('PATCH', `/api/users/${id}`, { active: false })).status).toBe(200);
    expect((await user.get('/api/session')).status).toBe(401);
    expect((await kit.client().login('weg@stj.example', PASSWORD)).status).toBe(401);
  });
});
