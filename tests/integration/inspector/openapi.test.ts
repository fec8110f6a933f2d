import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { openApiPath } from '../../../server/openapi/openapi.js';
import { listRoutes } from './app-routes.js';
import { startInspectorKit, type InspectorKit } from './inspector-test-kit.js';

type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { requestBody?: unknown; responses: Record<string, unknown>; parameters: unknown[] }>
  >;
};

let kit: InspectorKit;
let doc: OpenApi;
beforeAll(async () => {
  kit = await startInspectorKit();
  const res = await fetch(`${kit.app.baseUrl}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApi;
});
afterAll(async () => {
  await kit.stop();
});

describe('GET /api/openapi.json', () => {
  it('documents every mounted /api route with its method', () => {
    const app = createApp({
      config: kit.config,
      logger: pino({ level: 'silent' }),
      connection: kit.app.database.connection,
      questionnaires: kit.framework,
    });
    const routes = listRoutes(app).filter(
      (r) => r.path.startsWith('/api/') && r.path !== '/api/openapi.json',
    );
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes.filter((r) => !doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()]);
    expect(missing).toEqual([]);
  });

  it('describes bodies and replies from the zod schemas', () => {
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/session']?.post;
    expect(JSON.stringify(login?.requestBody)).toContain('"password"');
    const create = doc.paths['/api/investigations/{id}/respondents']?.post;
    expect(JSON.stringify(create?.requestBody)).toContain('netwerkpartner');
    expect(JSON.stringify(create?.responses['201'])).toContain('"link"');
    const detail = doc.paths['/api/investigations/{id}']?.get;
    expect(JSON.stringify(detail?.responses['200'])).toContain('niet_uitgenodigd');
    expect(JSON.stringify(doc.paths['/api/investigations']?.get?.parameters)).toContain('"year"');
    expect(doc.paths['/api/respond/{token}/submit']?.post).toBeDefined();
  });
});
