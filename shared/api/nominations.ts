import { z } from 'zod';

/** The partners the municipality named in its answers, and turning them into respondents. */

export const nominationSchema = z.object({
  /** The panel's position in the municipality's answers: what a confirm request names. */
  index: z.number().int(),
  organisation: z.string(),
  contactName: z.string().optional(),
  email: z.string().optional(),
  /** Set once a respondent exists for this partner. */
  respondentId: z.string().optional(),
});
export type Nomination = z.infer<typeof nominationSchema>;

/** GET /api/investigations/:id/nominations */
export const nominationListSchema = z.object({ max: z.number().int(), items: z.array(nominationSchema) });
export type NominationList = z.infer<typeof nominationListSchema>;

/** POST /api/investigations/:id/nominations/confirm */
export const confirmNominationsBodySchema = z.object({
  nominations: z.array(z.number().int().min(0).max(50)).min(1).max(10),
});
export type ConfirmNominationsBody = z.infer<typeof confirmNominationsBodySchema>;

export const nominationSkipReasons = [
  'already_created',
  'no_email',
  'not_found',
  'respondent_limit',
] as const;
export type NominationSkipReason = (typeof nominationSkipReasons)[number];

export const confirmNominationsReplySchema = z.object({
  created: z.array(z.object({ index: z.number().int(), id: z.string(), link: z.string() })),
  skipped: z.array(z.object({ index: z.number().int(), reason: z.enum(nominationSkipReasons) })),
});
export type ConfirmNominationsReply = z.infer<typeof confirmNominationsReplySchema>;
