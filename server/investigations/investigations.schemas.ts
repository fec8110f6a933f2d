import { z } from 'zod';
import { followUpInfoSchema } from '../../shared/api/review.js';
import { investigationStatuses } from '../models/investigation.model.js';
import { respondentRoles } from '../models/respondent.model.js';

export const respondentStatuses = [
  'niet_uitgenodigd',
  'uitgenodigd',
  'geopend',
  'bezig',
  'ingediend',
] as const;
export type RespondentStatus = (typeof respondentStatuses)[number];

export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/i);

export const createInvestigationBodySchema = z.object({
  municipality: z.string().trim().min(1).max(200),
  approach: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  deadline: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export type CreateInvestigationBody = z.infer<typeof createInvestigationBodySchema>;

export const updateInvestigationBodySchema = z
  .object({
    deadline: z.iso.datetime({ offset: true }).or(z.iso.date()).nullable().optional(),
    status: z.enum(investigationStatuses).optional(),
  })
  .strict();
export type UpdateInvestigationBody = z.infer<typeof updateInvestigationBodySchema>;

export const listInvestigationsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(investigationStatuses).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListInvestigationsQuery = z.infer<typeof listInvestigationsQuerySchema>;

export const respondentViewSchema = z.object({
  id: z.string(),
  role: z.enum(respondentRoles),
  organisation: z.string(),
  contactName: z.string().optional(),
  email: z.string(),
  status: z.enum(respondentStatuses),
  progress: z.number(),
  lastActivityAt: z.string().optional(),
  submittedAt: z.string().optional(),
  invitedAt: z.string().optional(),
  remindersSent: z.number().int(),
  revoked: z.boolean(),
  linkExpiresAt: z.string(),
});
export type RespondentView = z.infer<typeof respondentViewSchema>;

export const respondentCountsSchema = z.object({
  total: z.number().int(),
  niet_uitgenodigd: z.number().int(),
  uitgenodigd: z.number().int(),
  geopend: z.number().int(),
  bezig: z.number().int(),
  ingediend: z.number().int(),
});

/** Enough per respondent for the dashboard's status chips ("GGZ Voorbeeldregio: bezig 45%"). */
export const respondentChipSchema = respondentViewSchema.pick({
  id: true,
  role: true,
  organisation: true,
  status: true,
  progress: true,
  revoked: true,
});

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

export const documentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
  respondentId: z.string(),
  organisation: z.string(),
  uploadedAt: z.string(),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

export const investigationDetailSchema = investigationSummarySchema.extend({
  respondents: z.array(respondentViewSchema),
  documents: z.array(documentViewSchema),
});
export type InvestigationDetail = z.infer<typeof investigationDetailSchema>;

export const addRespondentBodySchema = z.object({
  role: z.enum(respondentRoles),
  organisation: z.string().trim().min(1).max(200),
  contactName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254),
  invite: z.boolean().optional(),
});
export type AddRespondentBody = z.infer<typeof addRespondentBodySchema>;

export const issuedLinkSchema = z.object({
  id: z.string(),
  link: z.string(),
  respondent: respondentViewSchema,
});
export const respondentActionReplySchema = z.object({
  respondent: respondentViewSchema,
  link: z.string().optional(),
});

export const nominationSchema = z.object({
  index: z.number().int(),
  organisation: z.string(),
  contactName: z.string().optional(),
  email: z.string().optional(),
  respondentId: z.string().optional(),
});
export type Nomination = z.infer<typeof nominationSchema>;
export const nominationListSchema = z.object({ max: z.number().int(), items: z.array(nominationSchema) });
export const confirmNominationsBodySchema = z.object({
  nominations: z.array(z.number().int().min(0).max(50)).min(1).max(10),
});
export const confirmNominationsReplySchema = z.object({
  created: z.array(z.object({ index: z.number().int(), id: z.string(), link: z.string() })),
  skipped: z.array(
    z.object({
      index: z.number().int(),
      reason: z.enum(['already_created', 'no_email', 'not_found', 'respondent_limit']),
    }),
  ),
});
export type ConfirmNominationsReply = z.infer<typeof confirmNominationsReplySchema>;
