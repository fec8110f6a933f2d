import { z } from 'zod';

/** The signed-in user's own account: TOTP enrolment (`/api/account/totp`). */

export const totpEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const totpConfirmBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export type TotpConfirmBody = z.infer<typeof totpConfirmBodySchema>;

/** Shown once, after enrolment. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const totpDisableBodySchema = z.object({ password: z.string().min(1).max(1024) });
export type TotpDisableBody = z.infer<typeof totpDisableBodySchema>;
