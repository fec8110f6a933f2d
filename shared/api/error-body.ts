import { z } from 'zod';

/** Every error reply: `{error: {code, message, details?}}` (server/http/error-middleware.ts). */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
