import { z } from 'zod';
import { userSchema } from './users.js';

/** Logging in and out (`/api/session`). */

/** POST /api/session */
export const loginBodySchema = z.object({
  // Not the strict email schema: a malformed email must get the same 401 as an unknown one.
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
  totp: z.string().trim().min(1).max(32).optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** GET and POST /api/session: the signed-in user and the CSRF token for state-changing requests. */
export const sessionReplySchema = z.object({ user: userSchema, csrfToken: z.string() });
export type SessionReply = z.infer<typeof sessionReplySchema>;
