import type { RespondSession } from '../../../shared/api/respond.js';
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { loadConfig } from '../../../server/config/config.js';
import { loadFramework, type LoadedFramework } from '../../../server/framework/load-framework.js';
import type { RespondentRole } from '../../../server/models/respondent.model.js';
import {
  createRespondContext,
  prepareRespondStorage,
  type RespondContext,
} from '../../../server/respond/respond.context.js';
import { createRespondent } from '../../../server/respond/respondents.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export type RespondKit = {
  app: TestApp;
  ctx: RespondContext;
  framework: LoadedFramework;
  createInvestigation(overrides?: { linkExpiresAt?: Date }): Promise<mongoose.Types.ObjectId>;
  /** Creates a respondent through the service and returns its id and the token from its link. */
  invite(
    investigation: mongoose.Types.ObjectId,
    role: RespondentRole,
    organisation?: string,
  ): Promise<{ id: mongoose.Types.ObjectId; token: string }>;
  url(token: string, suffix?: string): string;
  stop(): Promise<void>;
};

/** The real app with the real questionnaires from questionnaires/, over HTTP, on a fresh database. */
export async function startRespondKit(options: { logger?: Logger } = {}): Promise<RespondKit> {
  const framework = await loadFramework(path.join(projectRoot, 'questionnaires'));
  const app = await startTestApp({
    questionnaires: framework,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await prepareRespondStorage(app.database.connection);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    QUESTIONNAIRE_DIR: path.join(projectRoot, 'questionnaires'),
  });
  const ctx = createRespondContext({ connection: app.database.connection, config, framework });

  return {
    app,
    ctx,
    framework,
    async createInvestigation(overrides = {}) {
      const created = await ctx.models.Investigation.create({
        municipality: 'Zwolle',
        approach: 'Sociale wijkteams',
        year: 2025,
        deadline: new Date('2025-10-01T00:00:00Z'),
        ...overrides,
      });
      return created._id;
    },
    async invite(
      investigation,
      role,
      organisation = role === 'gemeente' ? 'Gemeente Zwolle' : 'GGD IJsselland',
    ) {
      const { respondent, link } = await createRespondent(ctx, investigation, {
        role,
        organisation,
        email: 'contact@example.nl',
      });
      return { id: respondent._id, token: tokenOf(link) };
    },
    url: (token, suffix = '') => `${app.baseUrl}/api/respond/${token}${suffix}`,
    stop: () => app.stop(),
  };
}

export function tokenOf(link: string): string {
  const match = /\/v\/([A-Za-z0-9_-]+)$/.exec(link);
  if (!match?.[1]) throw new Error(`not a respondent link: ${link}`);
  return match[1];
}

export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

export async function sendJson(
  method: 'PUT' | 'POST',
  url: string,
  payload: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: await res.json() };
}

/** Realistic answers written by the questionnaire author (tests/fixtures/frameworks/ggsr-answers). */
export function realisticAnswers(role: RespondentRole): Record<string, unknown> {
  const file = path.join(
    projectRoot,
    'tests',
    'fixtures',
    'frameworks',
    'ggsr-answers',
    `${role}-integrale-aanpak.json`,
  );
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** GET /api/respond/:token as the client receives it: the shared contract, not a copy. */
export type SessionBody = RespondSession;

export async function upload(
  url: string,
  content: Buffer,
  filename: string,
  contentType = 'application/octet-stream',
): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: contentType }), filename);
  const res = await fetch(url, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}
