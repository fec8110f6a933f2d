import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, PASSWORD, startInspectorKit, type InspectorKit } from './inspector-test-kit.js';

let kit: InspectorKit;
beforeAll(async () => {
  kit = await startInspectorKit({ env: { LOGIN_IP_LIMIT: '1000' } });
  await kit.addUser('inspecteur@stj.example');
});
afterAll(async () => {
  await kit.stop();
});

describe('login throttling', () => {
  it('locks an account for 15 minutes after 5 failures, even for the right password, then unlocks', async () => {
    const client = kit.client();
    for (let i = 0; i < 5; i += 1) {
      expect((await client.login('inspecteur@stj.example', `wrong password ${i}`)).status).toBe(401);
    }
    const locked = await client.login('inspecteur@stj.example', PASSWORD);
    expect(locked.status).toBe(429);
    expect(errorCode(locked)).toBe('account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);

    kit.advance(14 * 60_000);
    expect((await client.login('inspecteur@stj.example', PASSWORD)).status).toBe(429);
    kit.advance(2 * 60_000);
    expect((await client.login('inspecteur@stj.example', PASSWORD)).status).toBe(200);
  });

  it('locks unknown emails the same way (no account oracle)', async () => {
    const client = kit.client();
    for (let i = 0; i < 5; i += 1) await client.login('niemand@stj.example', `wrong password ${i}`);
    expect(errorCode(await client.login('niemand@stj.example', PASSWORD))).toBe('account_locked');
  });

  it('records failed and successful logins in the audit log', async () => {
    const failed = await kit.ctx.models.AuditEntry.countDocuments({ action: 'login_failed' });
    const ok = await kit.ctx.models.AuditEntry.countDocuments({ action: 'login' });
    expect(failed).toBeGreaterThanOrEqual(10);
    expect(ok).toBe(1);
  });
});

describe('per-IP throttling', () => {
  it('answers 429 after too many failed logins from one address', async () => {
    const strict = await startInspectorKit({ env: { LOGIN_IP_LIMIT: '3' } });
    try {
      const client = strict.client();
      for (let i = 0; i < 3; i += 1) {
        expect((await client.login(`user${i}@stj.example`, 'wrong password')).status).toBe(401);
      }
      const reply = await client.login('other@stj.example', 'wrong password');
      expect(reply.status).toBe(429);
      expect(errorCode(reply)).toBe('too_many_requests');
    } finally {
      await strict.stop();
    }
  });
});
