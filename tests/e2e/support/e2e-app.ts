import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../../server/config/config.js';
import { loadFramework } from '../../../server/framework/load-framework.js';
import {
  createInspectorContext,
  type InspectorContext,
} from '../../../server/investigations/inspector.context.js';
import { createMailer } from '../../../server/mail/mailer.js';
import { getModels } from '../../../server/models/index.js';
import { createRespondContext, prepareRespondStorage } from '../../../server/respond/respond.context.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { ensureClientBuilt, projectRoot } from './build-client.js';

/**
 * The real app for browser tests: built client, real questionnaires, embedded database, outbox-only
 * mail; plus an inspector context on the same database for seeding what a test starts from.
 */
export async function startE2eApp(
  env: Record<string, string> = {},
): Promise<{ app: TestApp; ctx: InspectorContext }> {
  const clientDir = await ensureClientBuilt();
  const questionnaireDir = path.join(projectRoot, 'questionnaires');
  const framework = await loadFramework(questionnaireDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    QUESTIONNAIRE_DIR: questionnaireDir,
    // The cheapest argon2id the config accepts: a browser test logs in a handful of times, not a benchmark.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_TIME_COST: '1',
    ...env,
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
  return { app, ctx };
}
