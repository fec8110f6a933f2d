import path from 'node:path';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../../server/config/config.js';
import { loadFramework, type LoadedFramework } from '../../../server/framework/load-framework.js';
import {
  createInspectorContext,
  type InspectorContext,
} from '../../../server/investigations/inspector.context.js';
import { createMailer, type Mailer } from '../../../server/mail/mailer.js';
import { getModels } from '../../../server/models/index.js';
import type { UserRole } from '../../../server/models/user.model.js';
import {
  createRespondContext,
  prepareRespondStorage,
  type RespondContext,
} from '../../../server/respond/respond.context.js';
import { createUser } from '../../../server/users/users.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** Cheap argon2 for tests only (loadConfig refuses these values in production). */
export const testEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PORT: '0',
  QUESTIONNAIRE_DIR: path.join(projectRoot, 'questionnaires'),
  PASSWORD_HASH_MEMORY_KIB: '1024',
  PASSWORD_HASH_TIME_COST: '1',
};

export type InspectorKit = {
  app: TestApp;
  config: Config;
  ctx: InspectorContext;
  respond: RespondContext;
  framework: LoadedFramework;
  /** Moves the app clock (sessions, lockouts, reminders) forward. */
  advance(ms: number): void;
  now(): Date;
  addUser(email: string, role?: UserRole, password?: string): Promise<{ email: string; password: string }>;
  client(): HttpClient;
  stop(): Promise<void>;
};

export const PASSWORD = 'correct horse battery staple';

/** The real app (with questionnaires) over HTTP on a fresh database, with an adjustable clock. */
export async function startInspectorKit(
  options: { env?: Record<string, string>; mailer?: Mailer; framework?: LoadedFramework } = {},
): Promise<InspectorKit> {
  const framework = options.framework ?? (await loadFramework(path.join(projectRoot, 'questionnaires')));
  const config = loadConfig({ ...testEnv, ...options.env });
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const app = await startTestApp({
    config,
    questionnaires: framework,
    now,
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  await prepareRespondStorage(app.database.connection);
  const logger = pino({ level: 'silent' });
  const models = getModels(app.database.connection);
  const respond = createRespondContext({ connection: app.database.connection, config, framework, now });
  const ctx = createInspectorContext({
    models,
    config,
    logger,
    now,
    mailer: options.mailer ?? createMailer({ outbox: models.MailMessage, config, logger, now }),
    respond,
  });
  return {
    app,
    config,
    ctx,
    respond,
    framework,
    advance(ms) {
      offset += ms;
    },
    now,
    async addUser(email, role = 'inspecteur', password = PASSWORD) {
      await createUser(ctx, { email, name: email.split('@')[0] ?? email, role, password });
      return { email, password };
    },
    client: () => new HttpClient(app.baseUrl),
    stop: () => app.stop(),
  };
}

export type JsonReply = { status: number; body: Record<string, unknown>; headers: Headers };

/** fetch with a cookie jar and the CSRF token from the login reply. */
export class HttpClient {
  cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  get sessionId(): string | undefined {
    return this.cookies.get('stj.sid');
  }

  async login(email: string, password: string, totp?: string): Promise<JsonReply> {
    const reply = await this.send('POST', '/api/session', { email, password, ...(totp ? { totp } : {}) });
    if (reply.status === 200) this.csrfToken = String(reply.body.csrfToken);
    return reply;
  }

  async send(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<JsonReply> {
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && this.csrfToken && method !== 'GET')
      headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), value.join('='));
    }
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    if (text && res.headers.get('content-type')?.includes('json'))
      parsed = JSON.parse(text) as Record<string, unknown>;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get(path: string): Promise<JsonReply> {
    return this.send('GET', path);
  }

  post(path: string, body: unknown = {}, options: { csrf?: boolean } = {}): Promise<JsonReply> {
    return this.send('POST', path, body, options);
  }
}

export function errorCode(reply: JsonReply): unknown {
  return (reply.body.error as { code?: unknown } | undefined)?.code;
}

/** Creates an inspector account and a client that is logged in as that inspector. */
export async function loggedInInspector(
  kit: InspectorKit,
  email = 'inspecteur@stj.example',
): Promise<HttpClient> {
  await kit.addUser(email);
  const client = kit.client();
  await client.login(email, PASSWORD);
  return client;
}
