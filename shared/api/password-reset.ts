import { z } from 'zod';

/** Forgotten passwords (`/api/password-reset`); the policy is checked by the service, not the body. */

export const passwordResetRequestSchema = z.object({ email: z.string().trim().toLowerCase().max(254) });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetConfirmSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
});
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;
