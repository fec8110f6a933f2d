import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { loadConfig } from '../../../server/config/config.js';
import { getJson, sendJson, startRespondKit, type RespondKit } from './respond-test-kit.js';

let kit: RespondKit;
beforeAll(async () => {
  kit = await startRespondKit();
});
afterAll(async () => {
  await kit.stop();
});

const guess = (): string => randomBytes(32).toString('base64url');

/** A second app instance on the same database, as behind a load balancer. */
async function startSecondInstance(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const app = createApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0' }),
    logger: pino({ level: 'silent' }),
    connection: kit.app.database.connection,
    questionnaires: kit.framework,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('failed-lookup throttling', () => {
  it('throttles guessing per IP with 429, never a valid link, and shares counts across instances', async () => {
    const { token } = await kit.invite(await kit.createInvestigation(), 'gemeente');
    const config = loadConfig({ NODE_ENV: 'test' });
    const limit = config.RESPOND_FAILED_LOOKUP_LIMIT;

    // Autosave traffic on a valid link does not count: far more requests than the limit.
    for (let revision = 0; revision < limit + 5; revision += 1) {
      const saved = await sendJson('PUT', kit.url(token), {
        data: { aanpak_naam: `v${revision}` },
        currentPageNo: 0,
        revision,
      });
      expect(saved.status).toBe(200);
    }

    // Half of the failed lookups hit a second instance: the counter lives in the database.
    const second = await startSecondInstance();
    try {
      for (let i = 0; i < limit; i += 1) {
        const base = i % 2 === 0 ? kit.app.baseUrl : second.baseUrl;
        expect((await getJson(`${base}/api/respond/${guess()}`)).status).toBe(404);
      }
      const throttled = await fetch(`${second.baseUrl}/api/respond/${guess()}`);
      expect(throttled.status).toBe(429);
      expect(await throttled.json()).toEqual({
        error: {
          code: 'too_many_requests',
          message: expect.stringMatching(/Probeer het over enkele minuten opnieuw/),
        },
      });
      expect((await getJson(kit.url(guess()))).status).toBe(429);
    } finally {
      await second.close();
    }

    // The valid link from the same address keeps working, for reads and writes.
    expect((await getJson(kit.url(token))).status).toBe(200);
    const saved = await sendJson('PUT', kit.url(token), {
      data: { aanpak_naam: 'daarna' },
      currentPageNo: 0,
      revision: limit + 5,
    });
    expect(saved.status).toBe(200);

    const counters = await kit.ctx.models.RateLimitCounter.find().lean();
    expect(counters).toHaveLength(1);
    expect(counters[0]?.hits).toBe(limit + 2);
    expect(counters[0]?.resetAt.getTime()).toBeGreaterThan(Date.now());
  });
});
