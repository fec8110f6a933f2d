import { z } from 'zod';
import { apiRequest } from '../../shared/api/api-client.js';
import { sessionSchema } from '../../shared/api/session-query.js';

export type Credentials = { email: string; password: string; totp?: string };

export const getSession = (signal?: AbortSignal) =>
  apiRequest('/api/session', sessionSchema, { signal, allowUnauthorized: true });

export const logIn = (credentials: Credentials) =>
  apiRequest('/api/session', sessionSchema, {
    method: 'POST',
    body: credentials,
    allowUnauthorized: true,
    csrf: false,
  });

export const logOut = () =>
  apiRequest('/api/session', z.unknown(), { method: 'DELETE', allowUnauthorized: true });
