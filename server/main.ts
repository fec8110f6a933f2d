import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { connectDatabase } from './db/connect.js';
import { FrameworkError } from './framework/framework-errors.js';
import { loadFramework, type LoadedFramework } from './framework/load-framework.js';
import { createLogger } from './logger.js';
import { demoEnabled, formatDemo, seedDemo, type DemoSeed } from './demo/seed-demo.js';
import { createInspectorContext } from './investigations/inspector.context.js';
import { startJobRunner } from './jobs/job-runner.js';
import { runReminders } from './jobs/reminders.job.js';
import { createMailer } from './mail/mailer.js';
import { getModels } from './models/index.js';
import { createAnalysisSummaries } from './overview/analysis-summaries.js';
import { warmOverviewSummaries } from './overview/warm-summaries.job.js';
import { createRespondContext, prepareRespondStorage } from './respond/respond.context.js';
import { ensureInitialAdmin } from './users/users.service.js';

/** Soon after start-up (after the demo seed and the first requests), then now and then for new answers. */
const OVERVIEW_WARM_FIRST_RUN_MS = 5_000;
const OVERVIEW_WARM_INTERVAL_MS = 10 * 60_000;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // Checked before the database starts: an invalid framework would give respondents broken questionnaires.
  let questionnaires: LoadedFramework;
  try {
    questionnaires = await loadFramework(config.QUESTIONNAIRE_DIR);
  } catch (err) {
    if (err instanceof FrameworkError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const database = await connectDatabase(config, logger);
  await prepareRespondStorage(database.connection);
  const now = () => new Date();
  const models = getModels(database.connection);
  const mailer = createMailer({ outbox: models.MailMessage, config, logger, now });
  const inspector = createInspectorContext({
    models,
    config,
    logger,
    now,
    mailer,
    respond: createRespondContext({
      connection: database.connection,
      config,
      framework: questionnaires,
      now,
    }),
  });
  const admin = await ensureInitialAdmin(inspector);
  if (admin) logger.info({ email: admin.email }, 'initial administrator created');
  const demo: DemoSeed = demoEnabled(config) ? await seedDemo(inspector) : { links: [] };
  const app = createApp({
    config,
    logger,
    connection: database.connection,
    clientDir: path.join(projectRoot, 'dist', 'client'),
    questionnaires,
    now,
    mailer,
  });
  // Stored in the database, where every instance's overview finds them; a cache, so racing instances
  // at worst compute the same summary twice.
  const overviewSummaries = createAnalysisSummaries({
    models,
    framework: questionnaires.framework,
    frameworkVersion: questionnaires.version,
    logger,
  });
  let warmedOnce = false;
  // Reminders are safe on every instance at once: each is claimed in `reminderlog` before it is sent.
  const jobs = startJobRunner(
    [
      {
        name: 'reminders',
        intervalMs: config.REMINDER_INTERVAL_MINUTES * 60_000,
        run: () => runReminders(inspector),
      },
      {
        name: 'overview-summaries',
        intervalMs: OVERVIEW_WARM_INTERVAL_MS,
        firstRunAfterMs: OVERVIEW_WARM_FIRST_RUN_MS,
        run: async () => {
          const warmed = await warmOverviewSummaries(models, overviewSummaries, { onlyOpen: warmedOnce });
          warmedOnce = true;
          if (warmed.analysed > 0) logger.info(warmed, 'overview summaries computed in the background');
        },
      },
    ],
    logger,
  );

  const server = await listen(app, config.PORT, config.HOST);
  const url = publicUrl(config, server);
  logger.info({ url }, 'server listening');
  process.stdout.write(`\n  STJ GGSR-vragenlijsten draait op ${url}\n\n${formatDemo(demo)}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, 15_000);
    forceExit.unref();
    // Stop accepting, let in-flight requests finish, then close the database (and the engine) cleanly.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await jobs.stop();
    await mailer.close();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** Express 5 reports listen errors such as EADDRINUSE through the callback, not as a thrown error. */
function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

/** With PORT=0 the operating system picks the port; report the one actually bound. */
function publicUrl(config: Config, server: Server): string {
  const address = server.address();
  if (config.PORT !== 0 || !address || typeof address === 'string') return config.PUBLIC_URL;
  return config.PUBLIC_URL.replace(/:0$/, `:${address.port}`);
}

main().catch((err: unknown) => {
  console.error('Start-up failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
