import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeHistorySchema, conclusionSchema, type Conclusion } from '../../../shared/api/review.js';
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

const url = (id: string, theme = 'aanpak') => `/api/investigations/${id}/conclusions/${theme}`;
const put = (client: HttpClient, id: string, body: Record<string, unknown>, theme = 'aanpak') =>
  client.send('PUT', url(id, theme), body);

const text = {
  goed: 'Het gezin staat centraal: er is één plan en één regisseur.',
  beter: 'De doorzettingsmacht van de regisseur is niet bij alle partners bekend.',
};

describe('PUT /api/investigations/:id/conclusions/:themeId', () => {
  it('creates, updates, ignores a no-op and lists the history newest first', async () => {
    const id = await createInvestigation(anna, 'Maastricht');
    const created = await put(anna, id, text);
    expect(created.status).toBe(200);
    expect(conclusionSchema.parse(created.body)).toMatchObject({
      themeId: 'aanpak',
      ...text,
      revision: 1,
      updatedBy: { email: 'anna@stj.example', name: 'anna' },
    });

    kit.advance(1000);
    const updated = await put(bram, id, { ...text, beter: 'Niets.', revision: 1 });
    expect(updated.body).toMatchObject({ beter: 'Niets.', revision: 2 });
    const same = await put(anna, id, { ...text, beter: 'Niets.', revision: 2 });
    expect(same.body).toMatchObject({ revision: 2, updatedBy: { email: 'bram@stj.example' } });

    const history = changeHistorySchema.parse((await anna.get(`${url(id)}/history`)).body).items;
    expect(history).toMatchObject([
      { by: { email: 'bram@stj.example' }, before: text, after: { ...text, beter: 'Niets.' } },
      { by: { email: 'anna@stj.example' }, before: null, after: text },
    ]);
    const audit = await kit.ctx.models.AuditEntry.find({ action: 'conclusion.updated' }).lean();
    expect(audit.map((e) => e.target)).toMatchObject([
      { type: 'theme', id: 'aanpak' },
      { type: 'theme', id: 'aanpak' },
    ]);
  });

  it('refuses a stale revision with the current conclusion; one of concurrent creates wins', async () => {
    const id = await createInvestigation(anna, 'Venlo');
    await put(anna, id, text);
    await put(bram, id, { ...text, goed: 'Veel.', revision: 1 });
    const stale = await put(anna, id, { ...text, revision: 1 });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('conclusion_conflict');
    const details = (stale.body.error as { details: { current: Conclusion }[] }).details;
    expect(details[0]?.current).toMatchObject({ goed: 'Veel.', revision: 2 });

    const replies = await Promise.all(
      [anna, bram, anna].map((client, i) => put(client, id, { goed: `Versie ${i}`, beter: '' }, 'continu')),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await kit.ctx.models.Conclusion.countDocuments({ themeId: 'continu' })).toBe(1);
  });

  it('answers 404 unknown_theme, 400 for a bad body, 401 and 403 without session or CSRF', async () => {
    const id = await createInvestigation(anna, 'Heerlen');
    const unknown = await put(anna, id, text, 'geen_thema');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('unknown_theme');
    expect(errorCode(await anna.get(`${url(id, 'geen_thema')}/history`))).toBe('unknown_theme');
    expect((await put(anna, id, { goed: 'alleen goed' })).status).toBe(400);
    expect((await put(anna, id, { ...text, goed: 'x'.repeat(20001) })).status).toBe(400);
    expect((await kit.client().send('PUT', url(id), text)).status).toBe(401);
    expect((await anna.send('PUT', url(id), text, { csrf: false })).status).toBe(403);
    expect(await kit.ctx.models.Conclusion.countDocuments({ investigation: id })).toBe(0);
  });
});
