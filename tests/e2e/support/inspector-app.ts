import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../../server/config/config.js';
import { loadFramework } from '../../../server/framework/load-framework.js';
import { createInspectorContext } from '../../../server/investigations/inspector.context.js';
import { createMailer } from '../../../server/mail/mailer.js';
import { getModels } from '../../../server/models/index.js';
import { prepareRespondStorage } from '../../../server/respond/respond.context.js';
import type { UserRole } from '../../../server/models/user.model.js';
import { createUser, ensureInitialAdmin } from '../../../server/users/users.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { ensureClientBuilt, projectRoot } from './build-client.js';

export type InspectorApp = {
  app: TestApp;
  baseUrl: string;
  admin: { email: string; password: string };
  /** Another account with a known password, as `npm run user:add` would make it. */
  createAccount(input: { email: string; name: string; role: UserRole; password: string }): Promise<void>;
  stop(): Promise<void>;
};

const admin = { email: 'beheerder@stj.example', password: 'e2e-wachtwoord-lang-genoeg' };

/**
 * The real app (built client, real questionnaires, embedded database, outbox-only mail) with the first
 * account created the way production does it: INITIAL_ADMIN_EMAIL/PASSWORD on an empty database.
 */
export async function startInspectorApp(): Promise<InspectorApp> {
  const clientDir = await ensureClientBuilt();
  const questionnaireDir = path.join(projectRoot, 'questionnaires');
  const framework = await loadFramework(questionnaireDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    QUESTIONNAIRE_DIR: questionnaireDir,
    INITIAL_ADMIN_EMAIL: admin.email,
    INITIAL_ADMIN_PASSWORD: admin.password,
    // The cheapest argon2id the config accepts: a browser test logs in a handful of times, not a benchmark.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_TIME_COST: '1',
  });
  const app = await startTestApp({ config, questionnaires: framework, clientDir });
  await prepareRespondStorage(app.database.connection);
  const logger = pino({ level: 'silent' });
  const now = () => new Date();
  const models = getModels(app.database.connection);
  const ctx = createInspectorContext({
    models,
    config,
    logger,
    now,
    mailer: createMailer({ outbox: models.MailMessage, config, logger, now }),
  });
  await ensureInitialAdmin(ctx);
  return {
    app,
    baseUrl: app.baseUrl,
    admin,
    async createAccount(input) {
      await createUser(ctx, input);
    },
    stop: () => app.stop(),
  };
}
