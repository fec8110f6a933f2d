import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { createRespondent } from '../../../server/respond/respondents.service.js';
import { listRoutes, type MountedRoute } from './app-routes.js';
import { errorCode, PASSWORD, startInspectorKit, type InspectorKit } from './inspector-test-kit.js';

/** The only /api routes outside the respondent API that work without a session. */
const PUBLIC = new Set([
  'POST /api/session',
  'POST /api/password-reset',
  'POST /api/password-reset/confirm',
  'GET /api/openapi.json',
  // The questionnaire preview (/voorbeeld/:id) shows the blank questionnaire: public by design.
  'GET /api/questionnaires/:id',
  // The general contact (configuration only) for the "Deze link werkt niet" page.
  'GET /api/respond-contact',
]);

let kit: InspectorKit;
let routes: MountedRoute[];
let ids: Record<string, string>;
let respondentToken: string;

beforeAll(async () => {
  kit = await startInspectorKit();
  const app = createApp({
    config: kit.config,
    logger: pino({ level: 'silent' }),
    connection: kit.app.database.connection,
    questionnaires: kit.framework,
  });
  routes = listRoutes(app).filter(
    (r) =>
      r.path.startsWith('/api/') &&
      !r.path.startsWith('/api/respond/') &&
      !PUBLIC.has(`${r.method} ${r.path}`),
  );
  const investigation = await kit.ctx.models.Investigation.create({
    municipality: 'Zwolle',
    approach: 'Wijkteams',
    year: 2025,
  });
  const { respondent, link } = await createRespondent(kit.respond, investigation._id, {
    role: 'gemeente',
    organisation: 'Gemeente Zwolle',
    email: 'beleid@zwolle.example',
  });
  respondentToken = link.slice(link.lastIndexOf('/') + 1);
  ids = { id: investigation._id.toString(), rid: respondent._id.toString(), fileId: 'a'.repeat(24) };
  await kit.addUser('inspecteur@stj.example');
});
afterAll(async () => {
  await kit.stop();
});

function concrete(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => ids[name] ?? 'x');
}

describe('every inspector route is guarded', () => {
  it('finds the inspector routes in the router stack', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toContain('GET /api/investigations');
    expect(names).toContain('POST /api/investigations/:id/respondents/:rid/reissue');
    expect(names).toContain('POST /api/investigations/:id/nominations/confirm');
    expect(names).toContain('GET /api/outbox');
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it('rejects anonymous requests on every route with 401', async () => {
    for (const route of routes) {
      const reply = await kit
        .client()
        .send(route.method, concrete(route.path), route.method === 'GET' ? undefined : {});
      expect(reply.status, `${route.method} ${route.path}`).toBe(401);
      expect(errorCode(reply)).toBe('unauthenticated');
    }
  });

  it('does not accept a respondent token as a credential, in any form', async () => {
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${respondentToken}` },
      { 'x-respondent-token': respondentToken },
      { cookie: `stj.sid=${respondentToken}` },
      { 'x-csrf-token': respondentToken },
    ];
    for (const route of routes) {
      for (const headers of attempts) {
        const client = kit.client();
        const path = `${concrete(route.path)}?token=${respondentToken}`;
        const reply = await client.send(route.method, path, route.method === 'GET' ? undefined : {}, {
          headers,
        });
        expect(reply.status, `${route.method} ${route.path} ${Object.keys(headers)[0]}`).toBe(401);
      }
    }
  });

  it('requires the CSRF token on every state-changing route for a logged-in user', async () => {
    const client = kit.client();
    await client.login('inspecteur@stj.example', PASSWORD);
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const reply = await client.send(route.method, concrete(route.path), {}, { csrf: false });
      // An inspecteur may not reach beheerder routes at all (403 forbidden comes first there).
      expect(reply.status, `${route.method} ${route.path}`).toBe(403);
      expect(['csrf_failed', 'forbidden']).toContain(errorCode(reply));
    }
  });
});
