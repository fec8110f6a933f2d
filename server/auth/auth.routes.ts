import express, { type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { RateLimitedError, UnauthorizedError } from '../errors.js';
import { userActor } from '../audit/audit.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { mountRoutes, route, type RouteDef } from '../openapi/route-spec.js';
import { MongoRateLimitStore } from '../respond/rate-limit-store.js';
import { toUserView } from '../users/user-view.js';
import {
  recoveryCodesSchema,
  totpConfirmBodySchema,
  totpDisableBodySchema,
  totpEnrolmentSchema,
} from '../../shared/api/account.js';
import { passwordResetConfirmSchema, passwordResetRequestSchema } from '../../shared/api/password-reset.js';
import { loginBodySchema, sessionReplySchema, type SessionReply } from '../../shared/api/session.js';
import { newCsrfToken } from './csrf.js';
import { authenticate } from './login.service.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.js';
import { destroySession, regenerateSession, saveSession } from './require-user.js';
import { confirmTotpEnrolment, disableOwnTotp, startTotpEnrolment } from './totp.service.js';

export function authRouteDefs(ctx: InspectorContext): RouteDef[] {
  return [
    route({
      method: 'post',
      path: '/api/session',
      summary: 'Log in (email, password, optional TOTP or recovery code)',
      tag: 'session',
      access: 'public',
      body: loginBodySchema,
      response: sessionReplySchema,
      async handler({ body, req }): Promise<SessionReply> {
        const user = await authenticate(ctx, body, req.ip ?? 'unknown');
        // A new session id at login: a session id planted before login is worthless afterwards.
        await regenerateSession(req.session);
        const now = ctx.now().getTime();
        const csrfToken = newCsrfToken();
        Object.assign(req.session, {
          userId: user._id.toString(),
          csrfToken,
          createdAt: now,
          lastSeenAt: now,
          credentialVersion: user.credentialVersion,
        });
        await saveSession(req.session);
        return { user: toUserView(user), csrfToken };
      },
    }),
    route({
      method: 'get',
      path: '/api/session',
      summary: 'The logged-in user and the CSRF token for state-changing requests',
      tag: 'session',
      access: 'session',
      response: sessionReplySchema,
      async handler({ user, req }): Promise<SessionReply> {
        const csrfToken = req.session.csrfToken;
        if (!csrfToken) throw new UnauthorizedError();
        return { user: toUserView(user), csrfToken };
      },
    }),
    route({
      method: 'delete',
      path: '/api/session',
      summary: 'Log out',
      tag: 'session',
      access: 'session',
      status: 204,
      async handler({ user, req }) {
        await destroySession(req.session);
        await ctx.audit.record({ actor: userActor(user), action: 'logout' });
        return undefined;
      },
    }),
    route({
      method: 'post',
      path: '/api/password-reset',
      summary: 'Mail a single-use password reset link (always 202: no account oracle)',
      tag: 'session',
      access: 'public',
      status: 202,
      body: passwordResetRequestSchema,
      response: z.object({}),
      async handler({ body }) {
        await requestPasswordReset(ctx, body.email);
        return {};
      },
    }),
    route({
      method: 'post',
      path: '/api/password-reset/confirm',
      summary: 'Set a new password with the token from the reset link',
      tag: 'session',
      access: 'public',
      status: 204,
      body: passwordResetConfirmSchema,
      async handler({ body }) {
        await confirmPasswordReset(ctx, body.token, body.password);
        return undefined;
      },
    }),
    route({
      method: 'post',
      path: '/api/account/totp',
      summary: 'Start TOTP enrolment: secret, otpauth URI and QR code',
      tag: 'account',
      access: 'session',
      response: totpEnrolmentSchema,
      handler: ({ user }) => startTotpEnrolment(ctx, user),
    }),
    route({
      method: 'post',
      path: '/api/account/totp/confirm',
      summary: 'Confirm TOTP enrolment with a code; returns single-use recovery codes once',
      tag: 'account',
      access: 'session',
      body: totpConfirmBodySchema,
      response: recoveryCodesSchema,
      handler: ({ user, body }) => confirmTotpEnrolment(ctx, user, body.code),
    }),
    route({
      method: 'delete',
      path: '/api/account/totp',
      summary: 'Switch TOTP off (password required)',
      tag: 'account',
      access: 'session',
      status: 204,
      body: totpDisableBodySchema,
      async handler({ user, body }) {
        await disableOwnTotp(ctx, user, body.password);
        return undefined;
      },
    }),
  ];
}

/**
 * Failed logins per client IP (shared counters in MongoDB); successful logins are not counted. Reset
 * requests count in full: each one can send a mail.
 */
export function authRoutes(ctx: InspectorContext): Router {
  const router = express.Router();
  router.post(
    '/api/password-reset',
    rateLimit({
      windowMs: ctx.config.LOGIN_IP_WINDOW_MINUTES * 60_000,
      limit: ctx.config.LOGIN_IP_LIMIT,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: new MongoRateLimitStore(ctx.models.RateLimitCounter, { prefix: 'reset-ip:' }),
      handler: (_req, _res, next) =>
        next(
          new RateLimitedError(
            'too_many_requests',
            'Te veel aanvragen vanaf dit netwerk. Probeer het later opnieuw.',
          ),
        ),
    }),
  );
  router.post(
    '/api/session',
    rateLimit({
      windowMs: ctx.config.LOGIN_IP_WINDOW_MINUTES * 60_000,
      limit: ctx.config.LOGIN_IP_LIMIT,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: new MongoRateLimitStore(ctx.models.RateLimitCounter, { prefix: 'login-ip:' }),
      handler: (_req, _res, next) =>
        next(
          new RateLimitedError(
            'too_many_requests',
            'Te veel mislukte inlogpogingen vanaf dit netwerk. Probeer het later opnieuw.',
          ),
        ),
    }),
  );
  mountRoutes(router, ctx, authRouteDefs(ctx));
  return router;
}
