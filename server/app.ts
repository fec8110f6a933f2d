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

export type AppDependencies = {
  config: Config;
  logger: Logger;
  connection: Connection;
  /** Folder with the built client (index.html + assets); omitted in API-only tests. */
  clientDir?: string;
  /** The framework and its questionnaires, loaded and checked once at start-up; omitted in tests that do not need it. */
  questionnaires?: LoadedFramework;
};

/** Builds the Express app without listening, so tests can drive it over real HTTP on an ephemeral port. */
export function createApp({
  config,
  logger,
  connection,
  clientDir,
  questionnaires,
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
  if (questionnaires) {
    app.use(respondRoutes(createRespondContext({ connection, config, framework: questionnaires }), config));
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
