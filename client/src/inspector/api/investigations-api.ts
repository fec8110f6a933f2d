import { auditListSchema } from '../../../../shared/api/audit.js';
import {
  investigationDetailSchema,
  investigationListSchema,
  investigationSummarySchema,
  type CreateInvestigationBody,
  type UpdateInvestigationBody,
} from '../../../../shared/api/investigations.js';
import {
  confirmNominationsReplySchema,
  nominationListSchema,
  type ConfirmNominationsBody,
} from '../../../../shared/api/nominations.js';
import {
  addRespondentReplySchema,
  respondentActionReplySchema,
  type AddRespondentBody,
  type RespondentAction,
} from '../../../../shared/api/respondents.js';
import { apiRequest } from '../../shared/api/api-client.js';

/** Investigations, their respondents, nominations and audit trail (shared/api/ holds the shapes). */

/** The dashboard's filter form state, sent as query strings. */
export type InvestigationFilters = { year?: string; status?: string; q?: string };

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

export const createInvestigation = (input: CreateInvestigationBody) =>
  apiRequest('/api/investigations', investigationSummarySchema, { method: 'POST', body: input });

export const updateInvestigation = (id: string, change: UpdateInvestigationBody) =>
  apiRequest(base(id), investigationSummarySchema, { method: 'PATCH', body: change });

export const addRespondent = (id: string, input: AddRespondentBody) =>
  apiRequest(`${base(id)}/respondents`, addRespondentReplySchema, { method: 'POST', body: input });

export const runRespondentAction = (id: string, respondentId: string, action: RespondentAction) =>
  apiRequest(
    `${base(id)}/respondents/${encodeURIComponent(respondentId)}/${action}`,
    respondentActionReplySchema,
    {
      method: 'POST',
    },
  );

export const getNominations = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/nominations`, nominationListSchema, { signal });

export const confirmNominations = (id: string, nominations: number[]) =>
  apiRequest(`${base(id)}/nominations/confirm`, confirmNominationsReplySchema, {
    method: 'POST',
    body: { nominations } satisfies ConfirmNominationsBody,
  });

export const getAudit = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/audit`, auditListSchema, { signal });

export const documentUrl = (id: string, fileId: string) =>
  `${base(id)}/documents/${encodeURIComponent(fileId)}`;
