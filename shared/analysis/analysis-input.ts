import { z } from 'zod';

/**
 * One respondent's answer set as the analysis receives it. Only `ingediend` answers count: a draft
 * (`concept`) or an unopened questionnaire (`niet_gestart`) is shown as "nog niet ingediend" and never
 * counted (analysis-rules.md, first paragraph).
 */
export const respondentRoleSchema = z.enum(['gemeente', 'netwerkpartner']);
export const responseStatusSchema = z.enum(['ingediend', 'concept', 'niet_gestart']);

export const answerSetSchema = z.object({
  respondentId: z.string().min(1),
  role: respondentRoleSchema,
  /** The organisation's name, for the inspector's screen; never used in drafted findings. */
  label: z.string().optional(),
  status: responseStatusSchema,
  /** Raw SurveyJS data keyed by question name; any shape is tolerated (read defensively). */
  data: z.record(z.string(), z.unknown()),
});

/**
 * The answer sets of one investigation. Partners are numbered P1, P2, … in the order given here, so the
 * caller passes them in a stable order (creation time).
 */
export const analysisInputSchema = z
  .array(answerSetSchema)
  .refine((sets) => sets.filter((set) => set.role === 'gemeente').length <= 1, {
    message: 'at most one gemeente answer set per investigation',
  });

export type RespondentRole = z.infer<typeof respondentRoleSchema>;
export type ResponseStatus = z.infer<typeof responseStatusSchema>;
export type AnswerSet = z.infer<typeof answerSetSchema>;
export type AnalysisInput = z.infer<typeof analysisInputSchema>;
