import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../../server/config/config.js';
import { seedDemo } from '../../../server/demo/seed-demo.js';
import { loadFramework } from '../../../server/framework/load-framework.js';
import { createInspectorContext } from '../../../server/investigations/inspector.context.js';
import { createMailer } from '../../../server/mail/mailer.js';
import { getModels } from '../../../server/models/index.js';
import { createRespondContext, prepareRespondStorage } from '../../../server/respond/respond.context.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { ensureClientBuilt, projectRoot } from './build-client.js';

export type ReviewApp = {
  app: TestApp;
  baseUrl: string;
  /** The demo inspector account seedDemo created, with its one-time password. */
  inspector: { email: string; password: string };
  /** The open demo investigation ("Voorbeeldstad", this year) whose municipality and three partners have submitted; last year's round is closed. */
  investigationId: string;
  municipality: string;
  stop(): Promise<void>;
};

/**
 * The real app (built client, real questionnaires, embedded database) seeded exactly as a fresh demo
 * start is: Voorbeeldstad with four submitted responses and a demo inspector account.
 */
export async function startReviewApp(): Promise<ReviewApp> {
  const clientDir = await ensureClientBuilt();
  const questionnaireDir = path.join(projectRoot, 'questionnaires');
  const framework = await loadFramework(questionnaireDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    QUESTIONNAIRE_DIR: questionnaireDir,
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
    respond: createRespondContext({ connection: app.database.connection, config, framework, now }),
  });
  const seed = await seedDemo(ctx);
  if (!seed.account) throw new Error('the demo seed did not create its inspector account');
  const investigation = await models.Investigation.findOne({ status: 'open' }).lean<{
    _id: unknown;
    municipality: string;
  }>();
  if (!investigation) throw new Error('the demo seed did not create its investigation');
  return {
    app,
    baseUrl: app.baseUrl,
    inspector: seed.account,
    investigationId: String(investigation._id),
    municipality: investigation.municipality,
    stop: () => app.stop(),
  };
}
