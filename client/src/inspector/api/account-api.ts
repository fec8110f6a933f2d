import { z } from 'zod';
import {
  recoveryCodesSchema,
  totpEnrolmentSchema,
  type TotpConfirmBody,
  type TotpDisableBody,
} from '../../../../shared/api/account.js';
import { apiRequest } from '../../shared/api/api-client.js';

export const startTotp = () => apiRequest('/api/account/totp', totpEnrolmentSchema, { method: 'POST' });

export const confirmTotp = (code: string) =>
  apiRequest('/api/account/totp/confirm', recoveryCodesSchema, {
    method: 'POST',
    body: { code } satisfies TotpConfirmBody,
  });

export const disableTotp = (password: string) =>
  apiRequest('/api/account/totp', z.unknown(), {
    method: 'DELETE',
    body: { password } satisfies TotpDisableBody,
  });
