import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../../server/framework/load-framework.js';
import { errorMiddleware } from '../../../server/http/error-middleware.js';
import {
  questionnaireResponseSchema,
  questionnairesRoutes,
} from '../../../server/questionnaires/questionnaires.routes.js';
import { miniFrameworkDir } from './framework-paths.js';

// The route needs no database, so it runs on a bare Express app; the mini framework proves it is generic.
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const app = express();
  app.use(questionnairesRoutes(await loadFramework(miniFrameworkDir)));
  app.use(errorMiddleware);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('GET /api/questionnaires/:id', () => {
  it('returns the current version of a questionnaire', async () => {
    const loaded = await loadFramework(miniFrameworkDir);
    const response = await fetch(`${baseUrl}/api/questionnaires/partner`);
    expect(response.status).toBe(200);
    const body = questionnaireResponseSchema.parse(await response.json());
    expect(body).toEqual({
      id: 'partner',
      version: loaded.questionnaires[1]?.version,
      json: loaded.questionnaires[1]?.json,
    });
    expect(response.headers.get('etag')).toBe(`"${body.version}"`);
  });

  it.each(['onbekend', 'toetsingskader', '..%2Fbestuur'])(
    'answers 404 questionnaire_not_found for %s',
    async (id) => {
      const response = await fetch(`${baseUrl}/api/questionnaires/${id}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'questionnaire_not_found' } });
    },
  );
});
