import { apiRequest } from '../../shared/api/api-client.js';
import {
  auditListSchema,
  confirmNominationsSchema,
  createdRespondentSchema,
  investigationDetailSchema,
  investigationListSchema,
  investigationSummarySchema,
  nominationsSchema,
  respondentResultSchema,
} from './schemas.js';

export type InvestigationFilters = { year?: string; status?: string; q?: string };

export type NewInvestigation = { municipality: string; approach: string; year: number; deadline?: string };

export type NewRespondent = {
  role: 'gemeente' | 'netwerkpartner';
  organisation: string;
  contactName?: string;
  email: string;
  invite?: boolean;
};

export type RespondentAction = 'invite' | 'remind' | 'reissue' | 'revoke' | 'reopen';

const base = (id: string) => `/api/investigations/${encodeURIComponent(id)}`;

export const investigationKeys = {
  all: ['investigations'] as const,
  list: (filters: InvestigationFilters) => ['investigations', 'list', filters] as const,
  detail: (id: string) => ['investigations', 'detail', id] as const,
  nominations: (id: string) => ['investigations', 'nominations', id] as const,
  audit: (id: string) => ['investigations', 'audit', id] as const,
};

export function listInvestigations(filters: InvestigationFilters, signal?: AbortSignal) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return apiRequest(`/api/investigations${query ? `?${query}` : ''}`, investigationListSchema, { signal });
}

export const getInvestigation = (id: string, signal?: AbortSignal) =>
  apiRequest(base(id), investigationDetailSchema, { signal });

export const createInvestigation = (input: NewInvestigation) =>
  apiRequest('/api/investigations', investigationSummarySchema, { method: 'POST', body: input });

export type InvestigationChange = { deadline?: string | null; status?: 'open' | 'closed' };

export const updateInvestigation = (id: string, change: InvestigationChange) =>
  apiRequest(base(id), investigationSummarySchema, { method: 'PATCH', body: change });

export const addRespondent = (id: string, input: NewRespondent) =>
  apiRequest(`${base(id)}/respondents`, createdRespondentSchema, { method: 'POST', body: input });

export const runRespondentAction = (id: string, respondentId: string, action: RespondentAction) =>
  apiRequest(
    `${base(id)}/respondents/${encodeURIComponent(respondentId)}/${action}`,
    respondentResultSchema,
    {
      method: 'POST',
    },
  );

export const getNominations = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/nominations`, nominationsSchema, { signal });

export const confirmNominations = (id: string, nominations: number[]) =>
  apiRequest(`${base(id)}/nominations/confirm`, confirmNominationsSchema, {
    method: 'POST',
    body: { nominations },
  });

export const getAudit = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/audit`, auditListSchema, { signal });

export const documentUrl = (id: string, fileId: string) =>
  `${base(id)}/documents/${encodeURIComponent(fileId)}`;
