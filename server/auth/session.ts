import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { MongoStore } from 'connect-mongo';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    csrfToken: string;
    /** Epoch ms of the login: the absolute lifetime counts from here. */
    createdAt: number;
    /** Epoch ms of the last authenticated request: the idle timeout counts from here. */
    lastSeenAt: number;
    credentialVersion: number;
  }
}

export const SESSION_COOKIE = 'stj.sid';

/**
 * Cookie sessions stored in MongoDB (collection `sessions`) on the app's own connection, so every
 * instance sees every session. Nothing is stored before login (saveUninitialized: false). The cookie
 * lives as long as the absolute lifetime; idle and absolute timeouts are enforced in requireUser with
 * the app clock, not by the browser.
 */
export function createSessionMiddleware(deps: {
  config: Config;
  connection: Connection;
  logger: Logger;
}): RequestHandler {
  const { config, connection, logger } = deps;
  let secret = config.SESSION_SECRET;
  if (!secret) {
    // loadConfig refuses production without SESSION_SECRET; elsewhere sessions just do not survive a restart.
    secret = randomBytes(32).toString('base64url');
    logger.warn('SESSION_SECRET is not set: using a random secret, sessions end when the process stops');
  }
  const maxAgeMs = config.SESSION_MAX_HOURS * 60 * 60 * 1000;
  const createStore = () => {
    const store = MongoStore.create({
      client: connection.getClient(),
      dbName: connection.db?.databaseName ?? connection.name,
      collectionName: 'sessions',
      ttl: maxAgeMs / 1000,
      stringify: false,
      autoRemove: 'native',
    });
    // The store builds its TTL index in the background; a connection closed meanwhile must not crash.
    store.collectionP.catch((err: unknown) => logger.warn({ err }, 'session store unavailable'));
    return store;
  };
  let middleware: RequestHandler | undefined;
  const build = (): RequestHandler =>
    session({
      name: SESSION_COOKIE,
      secret,
      store: createStore(),
      resave: false,
      saveUninitialized: false,
      unset: 'destroy',
      cookie: {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.PUBLIC_URL.startsWith('https://'),
        maxAge: maxAgeMs,
        path: '/',
      },
    });
  // Respondent requests never carry an inspector session: keep the store out of their path.
  return (req, res, next) => {
    if (!req.path.startsWith('/api/') || req.path.startsWith('/api/respond/')) {
      next();
      return;
    }
    // Built on first use: an app that never serves an inspector request never touches the store.
    middleware ??= build();
    middleware(req, res, next);
  };
}
