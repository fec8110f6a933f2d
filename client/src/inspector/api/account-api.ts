import { z } from 'zod';
import { apiRequest } from '../../shared/api/api-client.js';

const enrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });
export type TotpEnrolment = z.infer<typeof enrolmentSchema>;

export const startTotp = () => apiRequest('/api/account/totp', enrolmentSchema, { method: 'POST' });

export const confirmTotp = (code: string) =>
  apiRequest('/api/account/totp/confirm', z.object({ recoveryCodes: z.array(z.string()) }), {
    method: 'POST',
    body: { code },
  });

export const disableTotp = (password: string) =>
  apiRequest('/api/account/totp', z.unknown(), { method: 'DELETE', body: { password } });
