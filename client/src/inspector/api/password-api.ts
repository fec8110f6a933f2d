import { z } from 'zod';
import type { PasswordResetConfirm, PasswordResetRequest } from '../../../../shared/api/password-reset.js';
import { apiRequest } from '../../shared/api/api-client.js';

export const requestPasswordReset = (email: string) =>
  apiRequest('/api/password-reset', z.unknown(), {
    method: 'POST',
    body: { email } satisfies PasswordResetRequest,
    allowUnauthorized: true,
    csrf: false,
  });

export const confirmPasswordReset = (token: string, password: string) =>
  apiRequest('/api/password-reset/confirm', z.unknown(), {
    method: 'POST',
    body: { token, password } satisfies PasswordResetConfirm,
    allowUnauthorized: true,
    csrf: false,
  });
