import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from './config/config.js';
import type { LoadedFramework } from './framework/load-framework.js';
import { healthRoutes } from './health/health.routes.js';
import { errorMiddleware, notFoundHandler } from './http/error-middleware.js';
import { redactUrl } from './logger.js';
import { questionnairesRoutes } from './questionnaires/questionnaires.routes.js';
import { createRespondContext } from './respond/respond.context.js';
import { respondRoutes } from './respond/respond.routes.js';
import { auditRouteDefs, auditRoutes } from './audit/audit.routes.js';
import { authRouteDefs, authRoutes } from './auth/auth.routes.js';
import { createSessionMiddleware } from './auth/session.js';
import { createInspectorContext, type InspectorContext } from './investigations/inspector.context.js';
import { investigationRouteDefs, investigationsRoutes } from './investigations/investigations.routes.js';
import { submitHooks } from './investigations/submit-hooks.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { outboxRouteDefs, outboxRoutes } from './mail/outbox.routes.js';
import { getModels } from './models/index.js';
import { openApiRoutes } from './openapi/openapi.js';
import { respondRouteDocs } from './openapi/respond.docs.js';
import type { RouteDoc } from './openapi/route-spec.js';
import { userRouteDefs, usersRoutes } from './users/users.routes.js';
import { exportRouteDefs } from './exports/exports.routes.js';
import { factsheetRouteDefs } from './factsheets/factsheets.routes.js';
import { followUpRouteDefs } from './follow-up/follow-up.routes.js';
import { overviewRouteDefs } from './overview/overview.routes.js';
import { reviewRouteDefs } from './review/review.routes.js';
import type { RespondContext } from './respond/respond.context.js';
import { mountRoutes } from './openapi/route-spec.js';

export type AppDependencies = {
  config: Config;
  logger: Logger;
  connection: Connection;
  /** Folder with the built client (index.html + assets); omitted in API-only tests. */
  clientDir?: string;
  /** The framework and its questionnaires, loaded and checked once at start-up; omitted in tests that do not need it. */
  questionnaires?: LoadedFramework;
  /** The clock for sessions, lockouts, links and reminders; tests inject one. */
  now?: () => Date;
  /** Defaults to a mailer from config (SMTP_URL, or the outbox only). */
  mailer?: Mailer;
};

/** Builds the Express app without listening, so tests can drive it over real HTTP on an ephemeral port. */
export function createApp({
  config,
  logger,
  connection,
  clientDir,
  questionnaires,
  now = () => new Date(),
  mailer,
}: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);

  app.use(
    pinoHttp({
      logger,
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
        }),
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // SurveyJS sets inline styles on its elements.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: config.PUBLIC_URL.startsWith('https://'),
    }),
  );
  app.use(express.json({ limit: '1mb' }));

  app.use(healthRoutes(connection));
  if (questionnaires) app.use(questionnairesRoutes(questionnaires));
  const models = getModels(connection);
  const respond = questionnaires
    ? createRespondContext({ connection, config, framework: questionnaires, now })
    : undefined;
  const inspector = createInspectorContext({
    models,
    config,
    logger,
    now,
    mailer: mailer ?? createMailer({ outbox: models.MailMessage, config, logger, now }),
    respond,
  });
  if (respond) app.use(respondRoutes(respond, config, submitHooks(inspector)));

  // Inspector API: cookie sessions, never cached.
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(createSessionMiddleware({ config, connection, logger }));
  app.use(openApiRoutes(() => routeDocs(inspector), '0.1.0'));
  app.use(authRoutes(inspector));
  app.use(usersRoutes(inspector));
  app.use(outboxRoutes(inspector));
  app.use(auditRoutes(inspector));
  if (respond) app.use(investigationsRoutes(inspector, respond));
  if (respond) {
    const reviewRouter = express.Router();
    mountRoutes(reviewRouter, inspector, reviewModuleRouteDefs(inspector, respond));
    app.use(reviewRouter);
  }
  app.use('/api', notFoundHandler);

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/v/:token, /voorbeeld/...) all load the single-page app.
    app.get('/{*path}', (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(path.join(clientDir, 'index.html'));
    });
  }

  app.use(notFoundHandler);
  app.use(errorMiddleware);
  return app;
}

/** Every route the app declares, for the OpenAPI document. */
function routeDocs(ctx: InspectorContext): RouteDoc[] {
  return [
    ...(ctx.respond ? respondRouteDocs : []),
    ...authRouteDefs(ctx),
    ...userRouteDefs(ctx),
    ...outboxRouteDefs(ctx),
    ...auditRouteDefs(ctx),
    ...(ctx.respond ? investigationRouteDefs(ctx, ctx.respond) : []),
    ...(ctx.respond ? reviewModuleRouteDefs(ctx, ctx.respond) : []),
  ];
}

/** Review, factsheets, follow-up rounds, overview and exports: everything after the responses are in. */
function reviewModuleRouteDefs(ctx: InspectorContext, respond: RespondContext) {
  return [
    ...reviewRouteDefs(ctx, respond),
    ...factsheetRouteDefs(ctx, respond),
    ...followUpRouteDefs(ctx, respond),
    ...overviewRouteDefs(ctx, respond),
    ...exportRouteDefs(ctx, respond),
  ];
}
