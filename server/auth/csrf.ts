import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config/config.js';
import { ForbiddenError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

function csrfFailed(): ForbiddenError {
  return new ForbiddenError('csrf_failed', 'Missing or invalid CSRF token; reload the page and try again');
}

/**
 * A browser always sends Origin on cross-site POSTs: when present it must be our own origin (PUBLIC_URL,
 * or the Host the request came to). Non-browser clients send none and rely on the token.
 */
export function checkOrigin(req: Request, config: Pick<Config, 'PUBLIC_URL'>): void {
  const origin = req.get('origin');
  if (!origin || SAFE_METHODS.has(req.method)) return;
  const allowed = new Set([new URL(config.PUBLIC_URL).origin, `${req.protocol}://${req.get('host') ?? ''}`]);
  if (!allowed.has(origin)) throw csrfFailed();
}

export function originCheck(config: Pick<Config, 'PUBLIC_URL'>): RequestHandler {
  return (req, _res, next) => {
    checkOrigin(req, config);
    next();
  };
}

/** Runs after requireUser: state-changing requests need the session's token in X-CSRF-Token. */
export function csrfProtection(config: Pick<Config, 'PUBLIC_URL'>): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    checkOrigin(req, config);
    const expected = req.session?.csrfToken;
    const sent = req.get('x-csrf-token');
    if (!expected || !sent || !sameString(expected, sent)) throw csrfFailed();
    next();
  };
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
