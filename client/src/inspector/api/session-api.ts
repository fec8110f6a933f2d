import { z } from 'zod';
import { sessionReplySchema, type LoginBody } from '../../../../shared/api/session.js';
import { apiRequest } from '../../shared/api/api-client.js';

export const getSession = (signal?: AbortSignal) =>
  apiRequest('/api/session', sessionReplySchema, { signal, allowUnauthorized: true });

export const logIn = (credentials: LoginBody) =>
  apiRequest('/api/session', sessionReplySchema, {
    method: 'POST',
    body: credentials,
    allowUnauthorized: true,
    csrf: false,
  });

export const logOut = () =>
  apiRequest('/api/session', z.unknown(), { method: 'DELETE', allowUnauthorized: true });
