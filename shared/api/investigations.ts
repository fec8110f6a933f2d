import { z } from 'zod';
import { investigationDocumentSchema } from './documents.js';
import { respondentChipSchema, respondentCountsSchema, respondentSchema } from './respondents.js';
import { followUpInfoSchema } from './review.js';

/** Investigations (municipality × approach × year): the dashboard list and one investigation's page. */

export const investigationStatuses = ['open', 'closed'] as const;
export type InvestigationStatus = (typeof investigationStatuses)[number];

/** A deadline is a moment or a calendar day. */
const deadlineSchema = z.iso.datetime({ offset: true }).or(z.iso.date());

/** POST /api/investigations */
export const createInvestigationBodySchema = z.object({
  municipality: z.string().trim().min(1).max(200),
  approach: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  deadline: deadlineSchema.optional(),
});
export type CreateInvestigationBody = z.infer<typeof createInvestigationBodySchema>;

/** PATCH /api/investigations/:id; a null deadline removes it. */
export const updateInvestigationBodySchema = z
  .object({
    deadline: deadlineSchema.nullable().optional(),
    status: z.enum(investigationStatuses).optional(),
  })
  .strict();
export type UpdateInvestigationBody = z.infer<typeof updateInvestigationBodySchema>;

export const investigationSummarySchema = z.object({
  id: z.string(),
  municipality: z.string(),
  approach: z.string(),
  year: z.number().int(),
  status: z.enum(investigationStatuses),
  deadline: z.string().optional(),
  createdAt: z.string(),
  respondentCounts: respondentCountsSchema,
  respondents: z.array(respondentChipSchema),
  lastActivityAt: z.string().optional(),
  remindersSent: z.number().int(),
  /** Set on a follow-up round: its baselines and the indicators it asks again; null for a baseline. */
  followUp: followUpInfoSchema.nullable().optional(),
});
export type InvestigationSummary = z.infer<typeof investigationSummarySchema>;

/** GET /api/investigations */
export const investigationListSchema = z.object({ items: z.array(investigationSummarySchema) });
export type InvestigationList = z.infer<typeof investigationListSchema>;

/** GET /api/investigations/:id */
export const investigationDetailSchema = investigationSummarySchema.extend({
  respondents: z.array(respondentSchema),
  documents: z.array(investigationDocumentSchema),
});
export type InvestigationDetail = z.infer<typeof investigationDetailSchema>;
