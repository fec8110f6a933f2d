import { z } from 'zod';
import { apiRequest } from '../../shared/api/api-client.js';

export const requestPasswordReset = (email: string) =>
  apiRequest('/api/password-reset', z.unknown(), {
    method: 'POST',
    body: { email },
    allowUnauthorized: true,
    csrf: false,
  });

export const confirmPasswordReset = (token: string, password: string) =>
  apiRequest('/api/password-reset/confirm', z.unknown(), {
    method: 'POST',
    body: { token, password },
    allowUnauthorized: true,
    csrf: false,
  });
