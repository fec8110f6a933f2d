import { z } from 'zod';

/** The inspector API's shapes (docs/inspector-api.md), parsed at the boundary. */

export const roles = ['inspecteur', 'beheerder'] as const;
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  totpEnabled: z.boolean().optional(),
  lastLoginAt: z.string().nullish(),
  createdAt: z.string().optional(),
});
export type User = z.infer<typeof userSchema>;

export const respondentStatuses = [
  'niet_uitgenodigd',
  'uitgenodigd',
  'geopend',
  'bezig',
  'ingediend',
] as const;
export type RespondentStatus = (typeof respondentStatuses)[number];

const countsSchema = z.object({
  total: z.number(),
  niet_uitgenodigd: z.number(),
  uitgenodigd: z.number(),
  geopend: z.number(),
  bezig: z.number(),
  ingediend: z.number(),
});
export type RespondentCounts = z.infer<typeof countsSchema>;

/** Per-respondent state in the list, when the server sends it (fallback: the counts). */
const respondentChipSchema = z.object({
  id: z.string(),
  role: z.enum(['gemeente', 'netwerkpartner']),
  organisation: z.string(),
  status: z.enum(respondentStatuses),
  progress: z.number(),
  revoked: z.boolean().default(false),
});

export const investigationSummarySchema = z.object({
  id: z.string(),
  municipality: z.string(),
  approach: z.string(),
  year: z.number(),
  status: z.enum(['open', 'closed']),
  deadline: z.string().nullish(),
  createdAt: z.string(),
  respondentCounts: countsSchema,
  lastActivityAt: z.string().nullish(),
  remindersSent: z.number().optional(),
  respondents: z.array(respondentChipSchema).optional(),
});
export type InvestigationSummary = z.infer<typeof investigationSummarySchema>;

export const investigationListSchema = z.object({ items: z.array(investigationSummarySchema) });

export const respondentSchema = z.object({
  id: z.string(),
  role: z.enum(['gemeente', 'netwerkpartner']),
  organisation: z.string(),
  contactName: z.string().nullish(),
  email: z.string(),
  status: z.enum(respondentStatuses),
  progress: z.number(),
  lastActivityAt: z.string().nullish(),
  submittedAt: z.string().nullish(),
  invitedAt: z.string().nullish(),
  remindersSent: z.number().optional(),
  revoked: z.boolean(),
  linkExpiresAt: z.string().nullish(),
});
export type Respondent = z.infer<typeof respondentSchema>;

export const documentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
  respondentId: z.string().nullish(),
  organisation: z.string().nullish(),
  uploadedAt: z.string().nullish(),
});
export type InvestigationDocument = z.infer<typeof documentSchema>;

export const investigationDetailSchema = investigationSummarySchema.extend({
  respondents: z.array(respondentSchema),
  documents: z.array(documentSchema).default([]),
});
export type InvestigationDetail = z.infer<typeof investigationDetailSchema>;

export const respondentResultSchema = z.object({
  respondent: respondentSchema,
  link: z.string().optional(),
});
export type RespondentResult = z.infer<typeof respondentResultSchema>;

export const createdRespondentSchema = z.object({
  id: z.string(),
  link: z.string(),
  respondent: respondentSchema.optional(),
});

export const nominationsSchema = z.object({
  max: z.number(),
  items: z.array(
    z.object({
      index: z.number(),
      organisation: z.string(),
      contactName: z.string().nullish(),
      email: z.string().nullish(),
      respondentId: z.string().nullish(),
    }),
  ),
});
export type Nominations = z.infer<typeof nominationsSchema>;
export type Nomination = Nominations['items'][number];

export const confirmNominationsSchema = z.object({
  created: z.array(z.object({ index: z.number(), id: z.string(), link: z.string() })),
  skipped: z.array(z.object({ index: z.number(), reason: z.string() })),
});
export type ConfirmedNominations = z.infer<typeof confirmNominationsSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    type: z.string(),
    id: z.string().nullish(),
    email: z.string().nullish(),
  }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullish() }).nullish(),
  investigationId: z.string().nullish(),
  details: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });

export const mailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: z.enum(['stored', 'sent', 'failed']),
  error: z.string().nullish(),
  createdAt: z.string(),
  sentAt: z.string().nullish(),
  investigationId: z.string().nullish(),
  respondentId: z.string().nullish(),
  text: z.string(),
  html: z.string().nullish(),
});
export type Mail = z.infer<typeof mailSchema>;
export const outboxSchema = z.object({ items: z.array(mailSchema) });

export const userListSchema = z.object({ items: z.array(userSchema) });
export const userResultSchema = z.object({ user: userSchema });

export const emptySchema = z.unknown();
