import { outboxListSchema } from '../../../../shared/api/outbox.js';
import { apiRequest } from '../../shared/api/api-client.js';

export const outboxKey = ['outbox'] as const;

export function listOutbox(investigationId: string | undefined, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: '200' });
  if (investigationId) params.set('investigation', investigationId);
  return apiRequest(`/api/outbox?${params.toString()}`, outboxListSchema, { signal });
}
