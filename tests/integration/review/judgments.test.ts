import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeHistorySchema, judgmentSchema, type Judgment } from '../../../shared/api/review.js';
import {
  errorCode,
  loggedInInspector,
  startInspectorKit,
  type HttpClient,
  type InspectorKit,
} from '../inspector/inspector-test-kit.js';
import { createInvestigation } from './review-test-kit.js';

let kit: InspectorKit;
let anna: HttpClient;
let bram: HttpClient;
beforeAll(async () => {
  kit = await startInspectorKit();
  anna = await loggedInInspector(kit, 'anna@stj.example');
  bram = await loggedInInspector(kit, 'bram@stj.example');
});
afterAll(async () => {
  await kit.stop();
});

const url = (id: string, indicator = 'A9') => `/api/investigations/${id}/judgments/${indicator}`;

async function put(client: HttpClient, id: string, body: Record<string, unknown>, indicator = 'A9') {
  return client.send('PUT', url(id, indicator), body);
}

async function history(client: HttpClient, id: string, indicator = 'A9') {
  const reply = await client.get(`${url(id, indicator)}/history`);
  expect(reply.status).toBe(200);
  return changeHistorySchema.parse(reply.body).items;
}

const first = {
  verdict: 'verbeterpunt',
  letOp: '',
  finding: 'Twee netwerkpartners geven aan dat de doorzettingsmacht niet geregeld is.',
};

describe('PUT /api/investigations/:id/judgments/:indicatorId', () => {
  it('creates, updates, ignores a no-op and keeps the history in the audit log', async () => {
    const id = await createInvestigation(anna, 'Maastricht');

    const created = await put(anna, id, first);
    expect(created.status).toBe(200);
    const judgment = judgmentSchema.parse(created.body);
    expect(judgment).toMatchObject({
      indicatorId: 'A9',
      verdict: 'verbeterpunt',
      letOp: null,
      finding: first.finding,
      revision: 1,
      updatedBy: { name: 'anna', email: 'anna@stj.example' },
    });

    kit.advance(60_000);
    const updated = await put(bram, id, {
      verdict: 'voldoet',
      letOp: 'Eén netwerkpartner weet niet of de doorzettingsmacht geregeld is.',
      finding: 'De gemeente geeft aan dat de doorzettingsmacht geregeld is.',
      revision: 1,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      verdict: 'voldoet',
      letOp: 'Eén netwerkpartner weet niet of de doorzettingsmacht geregeld is.',
      revision: 2,
      updatedBy: { email: 'bram@stj.example' },
    });
    expect(Date.parse(String(updated.body.updatedAt))).toBeGreaterThan(Date.parse(judgment.updatedAt));

    // The same content again: no new revision, no history entry (surrounding whitespace is trimmed).
    const same = await put(anna, id, {
      verdict: 'voldoet',
      letOp: '  Eén netwerkpartner weet niet of de doorzettingsmacht geregeld is. ',
      finding: 'De gemeente geeft aan dat de doorzettingsmacht geregeld is.',
      revision: 2,
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ revision: 2, updatedBy: { email: 'bram@stj.example' } });

    const items = await history(anna, id);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      by: { email: 'bram@stj.example' },
      before: { verdict: 'verbeterpunt', letOp: null, finding: first.finding },
      after: { verdict: 'voldoet', finding: 'De gemeente geeft aan dat de doorzettingsmacht geregeld is.' },
    });
    expect(items[1]).toMatchObject({
      by: { email: 'anna@stj.example' },
      before: null,
      after: { verdict: 'verbeterpunt', letOp: null, finding: first.finding },
    });
    expect(Date.parse(items[0]?.at ?? '')).toBeGreaterThan(Date.parse(items[1]?.at ?? ''));

    // The audit log itself holds the same entries.
    const audit = await kit.ctx.models.AuditEntry.find({ action: 'judgment.updated' }).lean();
    expect(audit.map((e) => [e.target?.type, e.target?.id, e.investigation?.toString()])).toEqual([
      ['indicator', 'A9', id],
      ['indicator', 'A9', id],
    ]);

    // An empty LET OP clears it.
    const cleared = await put(anna, id, { ...first, verdict: 'voldoet', letOp: '   ', revision: 2 });
    expect(cleared.body).toMatchObject({ letOp: null, revision: 3 });
  });

  it('refuses a stale revision with the current judgment, and a create over an existing one', async () => {
    const id = await createInvestigation(anna, 'Venlo');
    await put(anna, id, first);
    const moved = await put(bram, id, { ...first, verdict: 'voldoet', revision: 1 });
    expect(moved.body).toMatchObject({ revision: 2 });

    const stale = await put(anna, id, { ...first, finding: 'Mijn versie.', revision: 1 });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('judgment_conflict');
    const details = (stale.body.error as { details: { current: Judgment }[] }).details;
    expect(judgmentSchema.parse(details[0]?.current)).toMatchObject({
      verdict: 'voldoet',
      revision: 2,
      updatedBy: { email: 'bram@stj.example' },
    });

    const recreate = await put(anna, id, { ...first, finding: 'Nog een eerste oordeel.' });
    expect(recreate.status).toBe(409);
    expect(errorCode(recreate)).toBe('judgment_conflict');
    // A revision from the future is as stale as one from the past.
    expect((await put(anna, id, { ...first, revision: 7 })).status).toBe(409);
    expect(await history(anna, id)).toHaveLength(2);
  });

  it('lets exactly one of several concurrent first judgments win', async () => {
    const id = await createInvestigation(anna, 'Sittard-Geleen');
    const replies = await Promise.all(
      [anna, bram, anna, bram].map((client, i) =>
        put(client, id, { ...first, finding: `Versie ${i + 1}`, revision: 0 }, 'S4'),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const winner = replies.find((r) => r.status === 200);
    for (const loser of replies.filter((r) => r.status === 409)) {
      expect(errorCode(loser)).toBe('judgment_conflict');
    }
    const stored = await kit.ctx.models.Judgment.find({ indicatorId: 'S4' }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.finding).toBe(winner?.body.finding);
    expect(await history(anna, id, 'S4')).toHaveLength(1);
  });

  it('lets exactly one of several concurrent updates of the same revision win', async () => {
    const id = await createInvestigation(anna, 'Almere');
    await put(anna, id, first, 'C1');
    const replies = await Promise.all(
      [1, 2, 3].map((i) =>
        put(i % 2 ? anna : bram, id, { ...first, finding: `Update ${i}`, revision: 1 }, 'C1'),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const stored = await kit.ctx.models.Judgment.findOne({ indicatorId: 'C1' }).lean();
    expect(stored?.revision).toBe(2);
    expect(await history(anna, id, 'C1')).toHaveLength(2);
  });

  it('answers 404 for an unknown indicator or investigation and 400 for a bad body', async () => {
    const id = await createInvestigation(anna, 'Heerlen');
    const unknown = await put(anna, id, first, 'Z99');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('unknown_indicator');
    expect(errorCode(await anna.get(`${url(id, 'Z99')}/history`))).toBe('unknown_indicator');
    expect(errorCode(await put(anna, 'ffffffffffffffffffffffff', first))).toBe('investigation_not_found');

    for (const body of [
      { ...first, verdict: 'voldoet_let_op' },
      { verdict: 'voldoet' },
      { ...first, revision: -1 },
      { ...first, revision: 1.5 },
      { ...first, finding: 'x'.repeat(20001) },
    ]) {
      const reply = await put(anna, id, body);
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(errorCode(reply)).toBe('invalid_body');
    }
    expect(await kit.ctx.models.Judgment.countDocuments({ investigation: id })).toBe(0);
  });

  it('requires a session and the CSRF token', async () => {
    const id = await createInvestigation(anna, 'Roermond');
    const anonymous = await kit.client().send('PUT', url(id), first);
    expect(anonymous.status).toBe(401);
    const withoutCsrf = await anna.send('PUT', url(id), first, { csrf: false });
    expect(withoutCsrf.status).toBe(403);
    expect((await kit.client().get(`${url(id)}/history`)).status).toBe(401);
    expect(await kit.ctx.models.Judgment.countDocuments({ investigation: id })).toBe(0);
  });
});
