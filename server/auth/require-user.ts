import type { RequestHandler, Response } from 'express';
import type { Session, SessionData } from 'express-session';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { UserRecord, UserRole } from '../models/user.model.js';

const ACTIVITY_RESOLUTION_MS = 60_000;

/** The authenticated user of this request, set by requireUser (routes read it, services receive it). */
export function currentUser(res: Response): UserRecord {
  const user: unknown = res.locals.user;
  if (!user) throw new UnauthorizedError();
  return user as UserRecord;
}

/**
 * Admits requests with a live session of an active user whose credentials did not change since login
 * (password reset, deactivation), within the idle timeout and the absolute lifetime (app clock).
 * With `roles`, the user's role must be one of them (403 otherwise).
 */
export function requireUser(ctx: InspectorContext, roles?: readonly UserRole[]): RequestHandler {
  const idleMs = ctx.config.SESSION_IDLE_MINUTES * 60_000;
  const maxMs = ctx.config.SESSION_MAX_HOURS * 60 * 60_000;
  return async (req, res, next) => {
    const session = req.session as (Session & Partial<SessionData>) | undefined;
    if (!session?.userId || session.createdAt === undefined || session.lastSeenAt === undefined) {
      throw new UnauthorizedError();
    }
    const now = ctx.now().getTime();
    if (now - session.createdAt > maxMs || now - session.lastSeenAt > idleMs) {
      await destroySession(session);
      throw new UnauthorizedError('unauthenticated', 'Your session has expired; log in again');
    }
    const user = await ctx.models.User.findById(session.userId).lean<UserRecord>();
    if (!user || !user.active || user.credentialVersion !== session.credentialVersion) {
      await destroySession(session);
      throw new UnauthorizedError();
    }
    if (roles && !roles.includes(user.role)) throw new ForbiddenError();
    // Recording activity rewrites the session document: once a minute is precise enough for a 30-minute timeout.
    if (now - session.lastSeenAt >= ACTIVITY_RESOLUTION_MS) session.lastSeenAt = now;
    res.locals.user = user;
    next();
  };
}

export function destroySession(session: Session): Promise<void> {
  return new Promise((resolve, reject) => session.destroy((err: unknown) => (err ? reject(err) : resolve())));
}

export function regenerateSession(session: Session): Promise<void> {
  return new Promise((resolve, reject) =>
    session.regenerate((err: unknown) => (err ? reject(err) : resolve())),
  );
}

export function saveSession(session: Session): Promise<void> {
  return new Promise((resolve, reject) => session.save((err: unknown) => (err ? reject(err) : resolve())));
}
