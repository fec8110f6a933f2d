import { apiRequest } from '../../shared/api/api-client.js';
import { outboxSchema } from './schemas.js';

export const outboxKey = ['outbox'] as const;

export const listOutbox = (signal?: AbortSignal) =>
  apiRequest('/api/outbox?limit=200', outboxSchema, { signal });
