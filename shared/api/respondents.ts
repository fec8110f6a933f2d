import { z } from 'zod';

/** Respondents of an investigation as the inspector manages them (`/api/investigations/:id/respondents`). */

export const respondentRoles = ['gemeente', 'netwerkpartner'] as const;
export type RespondentRole = (typeof respondentRoles)[number];

/** In the order a respondent moves through them. */
export const respondentStatuses = [
  'niet_uitgenodigd',
  'uitgenodigd',
  'geopend',
  'bezig',
  'ingediend',
] as const;
export type RespondentStatus = (typeof respondentStatuses)[number];

export const respondentSchema = z.object({
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
export type Respondent = z.infer<typeof respondentSchema>;

export const respondentCountsSchema = z.object({
  total: z.number().int(),
  niet_uitgenodigd: z.number().int(),
  uitgenodigd: z.number().int(),
  geopend: z.number().int(),
  bezig: z.number().int(),
  ingediend: z.number().int(),
});
export type RespondentCounts = z.infer<typeof respondentCountsSchema>;

/** Enough per respondent for the dashboard's status chips ("GGZ Voorbeeldregio: bezig 45%"). */
export const respondentChipSchema = respondentSchema.pick({
  id: true,
  role: true,
  organisation: true,
  status: true,
  progress: true,
  revoked: true,
});
export type RespondentChip = z.infer<typeof respondentChipSchema>;

/** POST /api/investigations/:id/respondents; `invite: true` also mails the link. */
export const addRespondentBodySchema = z.object({
  role: z.enum(respondentRoles),
  organisation: z.string().trim().min(1).max(200),
  contactName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254),
  invite: z.boolean().optional(),
});
export type AddRespondentBody = z.infer<typeof addRespondentBodySchema>;

/** The personal link is in this reply (and a reissue's) only; the server keeps just its hash. */
export const addRespondentReplySchema = z.object({
  id: z.string(),
  link: z.string(),
  respondent: respondentSchema,
});
export type AddRespondentReply = z.infer<typeof addRespondentReplySchema>;

/** POST /api/investigations/:id/respondents/:rid/<action> */
export const respondentActions = ['invite', 'remind', 'reissue', 'revoke', 'reopen'] as const;
export type RespondentAction = (typeof respondentActions)[number];

export const respondentActionReplySchema = z.object({
  respondent: respondentSchema,
  link: z.string().optional(),
});
export type RespondentActionReply = z.infer<typeof respondentActionReplySchema>;
