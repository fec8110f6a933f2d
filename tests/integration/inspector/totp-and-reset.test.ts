import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, PASSWORD, startInspectorKit, type InspectorKit } from './inspector-test-kit.js';

let kit: InspectorKit;
beforeAll(async () => {
  kit = await startInspectorKit();
  await kit.addUser('twee@stj.example');
  await kit.addUser('beheerder@stj.example', 'beheerder');
  await kit.addUser('reset@stj.example');
});
afterAll(async () => {
  await kit.stop();
});

function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at.getTime(),
  });
}

describe('TOTP', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('enrols with a QR code and a confirmation code, and hands out 10 recovery codes once', async () => {
    const client = kit.client();
    await client.login('twee@stj.example', PASSWORD);
    const started = await client.post('/api/account/totp');
    expect(started.status).toBe(200);
    secret = String(started.body.secret);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(started.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(errorCode(await client.post('/api/account/totp/confirm', { code: '000000' }))).toBe(
      'invalid_totp',
    );
    const confirmed = await client.post('/api/account/totp/confirm', { code: codeAt(secret, kit.now()) });
    expect(confirmed.status).toBe(200);
    recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await kit.ctx.models.User.findOne({ email: 'twee@stj.example' }).lean();
    expect(stored?.recoveryCodeHashes).toHaveLength(10);
    expect(stored?.recoveryCodeHashes).not.toContain(recoveryCodes[0]);
  });

  it('requires the code at login and refuses a replayed code', async () => {
    const missing = await kit.client().login('twee@stj.example', PASSWORD);
    expect(missing.status).toBe(401);
    expect(errorCode(missing)).toBe('totp_required');
    kit.advance(60_000);
    const code = codeAt(secret, kit.now());
    expect((await kit.client().login('twee@stj.example', PASSWORD, code)).status).toBe(200);
    const replay = await kit.client().login('twee@stj.example', PASSWORD, code);
    expect(errorCode(replay)).toBe('invalid_totp');
    expect(errorCode(await kit.client().login('twee@stj.example', 'wrong password!!', code))).toBe(
      'invalid_credentials',
    );
  });

  it('accepts each recovery code once', async () => {
    const [first] = recoveryCodes;
    expect((await kit.client().login('twee@stj.example', PASSWORD, first)).status).toBe(200);
    expect(errorCode(await kit.client().login('twee@stj.example', PASSWORD, first))).toBe('invalid_totp');
    const stored = await kit.ctx.models.User.findOne({ email: 'twee@stj.example' }).lean();
    expect(stored?.recoveryCodeHashes).toHaveLength(9);
  });

  it('can be reset by a beheerder (lost phone)', async () => {
    const admin = kit.client();
    await admin.login('beheerder@stj.example', PASSWORD);
    const { items } = (await admin.get('/api/users')).body as {
      items: { id: string; email: string; totpEnabled: boolean }[];
    };
    const user = items.find((u) => u.email === 'twee@stj.example');
    expect(user?.totpEnabled).toBe(true);
    expect((await admin.send('DELETE', `/api/users/${user?.id}/totp`)).status).toBe(204);
    expect((await kit.client().login('twee@stj.example', PASSWORD)).status).toBe(200);
    const audit = await admin.get('/api/audit?action=user_totp_reset');
    expect(audit.body.items).toHaveLength(1);
  });
});

describe('password reset', () => {
  async function latestResetToken(email: string): Promise<string> {
    const mail = await kit.ctx.models.MailMessage.findOne({ to: email, kind: 'password_reset' })
      .sort({ createdAt: -1 })
      .lean();
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
    if (!token) throw new Error('no reset mail');
    return token;
  }

  it('answers 202 for known and unknown emails alike and mails only existing accounts', async () => {
    const unknown = await kit.client().post('/api/password-reset', { email: 'niemand@stj.example' });
    const known = await kit.client().post('/api/password-reset', { email: 'reset@stj.example' });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(await kit.ctx.models.MailMessage.countDocuments({ to: 'niemand@stj.example' })).toBe(0);
    expect(
      await kit.ctx.models.MailMessage.countDocuments({ to: 'reset@stj.example', kind: 'password_reset' }),
    ).toBe(1);
  });

  it('sets a new password once with the link, and ends existing sessions', async () => {
    const session = kit.client();
    await session.login('reset@stj.example', PASSWORD);
    const token = await latestResetToken('reset@stj.example');
    const weak = await kit.client().post('/api/password-reset/confirm', { token, password: 'kort' });
    expect(errorCode(weak)).toBe('weak_password');
    const ok = await kit
      .client()
      .post('/api/password-reset/confirm', { token, password: 'een heel nieuw wachtwoord' });
    expect(ok.status).toBe(204);
    const reused = await kit
      .client()
      .post('/api/password-reset/confirm', { token, password: 'nog een ander wachtwoord' });
    expect(errorCode(reused)).toBe('invalid_reset_token');
    expect((await session.get('/api/session')).status).toBe(401);
    expect((await kit.client().login('reset@stj.example', PASSWORD)).status).toBe(401);
    expect((await kit.client().login('reset@stj.example', 'een heel nieuw wachtwoord')).status).toBe(200);
  });

  it('expires the link after an hour', async () => {
    await kit.client().post('/api/password-reset', { email: 'reset@stj.example' });
    const token = await latestResetToken('reset@stj.example');
    kit.advance(61 * 60_000);
    const late = await kit
      .client()
      .post('/api/password-reset/confirm', { token, password: 'een te laat wachtwoord' });
    expect(late.status).toBe(400);
    expect(errorCode(late)).toBe('invalid_reset_token');
  });
});
