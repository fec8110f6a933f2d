import { z } from 'zod';
import {
  changeHistorySchema,
  conclusionSchema,
  createFollowUpReplySchema,
  factsheetSummarySchema,
  followUpNarrativeSchema,
  judgmentSchema,
  overviewSchema,
  reviewSchema,
  type ConclusionInput,
  type CreateFollowUpInput,
  type FollowUpNarrativeInput,
  type JudgmentInput,
} from '../../../../shared/api/review.js';
import { apiRequest } from '../../shared/api/api-client.js';

/** Reviewing an investigation: judgments, conclusions, factsheets, follow-up and the overview (shared/api/review.ts). */

const base = (id: string) => `/api/investigations/${encodeURIComponent(id)}`;

export const reviewKeys = {
  review: (id: string) => ['review', id] as const,
  history: (id: string, indicatorId: string) => ['review', id, 'history', indicatorId] as const,
  factsheets: (id: string) => ['review', id, 'factsheets'] as const,
  overview: (year: number, round: string) => ['overview', year, round] as const,
};

export const getReview = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/review`, reviewSchema, { signal });

export const saveJudgment = (id: string, indicatorId: string, input: JudgmentInput) =>
  apiRequest(`${base(id)}/judgments/${encodeURIComponent(indicatorId)}`, judgmentSchema, {
    method: 'PUT',
    body: input,
  });

export const getJudgmentHistory = (id: string, indicatorId: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/judgments/${encodeURIComponent(indicatorId)}/history`, changeHistorySchema, {
    signal,
  });

export const saveConclusion = (id: string, themeId: string, input: ConclusionInput) =>
  apiRequest(`${base(id)}/conclusions/${encodeURIComponent(themeId)}`, conclusionSchema, {
    method: 'PUT',
    body: input,
  });

/** "Ontwikkeling <jaar>" of a follow-up round; a baseline answers 409 not_a_follow_up. */
export const saveFollowUpNarrative = (id: string, input: FollowUpNarrativeInput) =>
  apiRequest(`${base(id)}/follow-up-narrative`, followUpNarrativeSchema, { method: 'PUT', body: input });

export const publishFactsheet = (id: string) =>
  apiRequest(`${base(id)}/factsheets`, z.object({ version: z.number().int().min(1) }).loose(), {
    method: 'POST',
  });

export const listFactsheets = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/factsheets`, z.object({ items: z.array(factsheetSummarySchema) }), { signal });

export const createFollowUp = (id: string, input: CreateFollowUpInput) =>
  apiRequest(`${base(id)}/follow-up`, createFollowUpReplySchema, { method: 'POST', body: input });

export const getOverview = (year: number, round: string, signal?: AbortSignal) =>
  apiRequest(
    `/api/overview?${new URLSearchParams({ year: String(year), round }).toString()}`,
    overviewSchema,
    { signal },
  );

/** Plain links: the browser downloads these itself with the session cookie. */
export const reviewUrls = {
  factsheetHtml: (id: string, version: number) => `${base(id)}/factsheets/${version}`,
  factsheetPdf: (id: string, version: number) => `${base(id)}/factsheets/${version}.pdf`,
  previewHtml: (id: string) => `${base(id)}/factsheet-preview`,
  previewPdf: (id: string) => `${base(id)}/factsheet-preview.pdf`,
  export: (id: string, format: 'csv' | 'xlsx' | 'json') => `${base(id)}/export.${format}`,
  overviewExport: (year: number, format: 'csv' | 'xlsx') => `/api/overview/export.${format}?year=${year}`,
};

/** The stored record a 409 carries in `error.details`: itself, under `current`, or in a list of either. */
export function conflictDetails<T>(details: unknown, schema: z.ZodType<T>): T | undefined {
  if (Array.isArray(details)) {
    for (const entry of details as unknown[]) {
      const found = conflictDetails(entry, schema);
      if (found) return found;
    }
    return undefined;
  }
  const direct = schema.safeParse(details);
  if (direct.success) return direct.data;
  if (typeof details === 'object' && details !== null && 'current' in details) {
    const nested = schema.safeParse((details as { current: unknown }).current);
    if (nested.success) return nested.data;
  }
  return undefined;
}
