import { z } from 'zod';
import { emailSchema, userViewSchema } from '../users/users.schemas.js';
import { passwordSchema } from './passwords.js';

export const loginBodySchema = z.object({
  // Not the strict email schema: a malformed email must get the same 401 as an unknown one.
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
  totp: z.string().trim().min(1).max(32).optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const sessionReplySchema = z.object({ user: userViewSchema, csrfToken: z.string() });

export const passwordResetRequestSchema = z.object({ email: z.string().trim().toLowerCase().max(254) });
export const passwordResetConfirmSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
});
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;

export const totpEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export const totpConfirmBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const totpDisableBodySchema = z.object({ password: z.string().min(1).max(1024) });

export { emailSchema, passwordSchema };
