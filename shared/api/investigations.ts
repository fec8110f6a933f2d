import { z } from 'zod';
import { deadlineSchema } from './deadline.js';
import { investigationDocumentSchema } from './documents.js';
import { respondentChipSchema, respondentCountsSchema, respondentSchema } from './respondents.js';
import { followUpInfoSchema } from './review.js';
import { objectIdSchema } from './object-id.js';

/** Investigations (municipality × approach × year): the dashboard list and one investigation's page. */

export const investigationStatuses = ['open', 'closed'] as const;
export type InvestigationStatus = (typeof investigationStatuses)[number];

/** An account respondents are told to contact about an investigation. */
export const contactPersonSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type ContactPerson = z.infer<typeof contactPersonSchema>;

/** GET /api/investigation-contacts: the active accounts that can be chosen as contact person. */
export const contactPersonListSchema = z.object({ items: z.array(contactPersonSchema) });
export type ContactPersonList = z.infer<typeof contactPersonListSchema>;

/** POST /api/investigations */
export const createInvestigationBodySchema = z.object({
  municipality: z.string().trim().min(1).max(200),
  approach: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  deadline: deadlineSchema.optional(),
  /** The contact person for respondents; default: the inspector who creates the investigation. */
  contactUserId: objectIdSchema.optional(),
});
export type CreateInvestigationBody = z.infer<typeof createInvestigationBodySchema>;

/** PATCH /api/investigations/:id; a null deadline removes it. */
export const updateInvestigationBodySchema = z
  .object({
    deadline: deadlineSchema.nullable().optional(),
    status: z.enum(investigationStatuses).optional(),
    contactUserId: objectIdSchema.optional(),
  })
  .strict();
export type UpdateInvestigationBody = z.infer<typeof updateInvestigationBodySchema>;

export const investigationSummarySchema = z.object({
  id: z.string(),
  municipality: z.string(),
  approach: z.string(),
  year: z.number().int(),
  status: z.enum(investigationStatuses),
  /** The stored moment: the end of `deadlineDay` in Europe/Amsterdam. */
  deadline: z.string().optional(),
  /** The deadline as the calendar day (`yyyy-mm-dd`, Europe/Amsterdam): what a date input shows. */
  deadlineDay: z.string().optional(),
  /** Whom respondents are told to contact; absent when the account is gone or deactivated. */
  contact: contactPersonSchema.optional(),
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

/** An improvement point a follow-up round asks again, worded as in the framework (and the factsheets). */
export const followUpIndicatorSchema = z.object({ id: z.string(), theme: z.string(), text: z.string() });
export type FollowUpIndicator = z.infer<typeof followUpIndicatorSchema>;

/** GET /api/investigations/:id */
export const investigationDetailSchema = investigationSummarySchema.extend({
  respondents: z.array(respondentSchema),
  documents: z.array(investigationDocumentSchema),
  /** A follow-up round's `followUp.indicatorIds` with their framework texts, in framework order. */
  followUpIndicators: z.array(followUpIndicatorSchema).optional(),
});
export type InvestigationDetail = z.infer<typeof investigationDetailSchema>;
