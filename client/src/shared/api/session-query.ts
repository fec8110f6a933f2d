import { z } from 'zod';

/** The signed-in inspector as `GET /api/session` reports it. */
export const sessionUserSchema = z.object({
  id: z.string().optional(),
  email: z.string(),
  name: z.string().optional(),
  role: z.string(),
  totpEnabled: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

/** One cache key for the session: the API client reads the CSRF token from it, the layout the user. */
export const sessionQueryKey = ['session'] as const;
