import { z } from 'zod';
import { respondentRoleSchema, responseStatusSchema } from './analysis-input.js';

/** `G` for the municipality, `P1`…`Pn` for the partners in input order. */
export const respondentCodeSchema = z.string().regex(/^(G|P[1-9][0-9]*)$/);

export const respondentSummarySchema = z.object({
  code: respondentCodeSchema,
  respondentId: z.string(),
  role: respondentRoleSchema,
  label: z.string().optional(),
  status: responseStatusSchema,
});

/** A jnw answer by meaning; `value` keeps the literal stored value (the framework's answerScale). */
export const jnwAnswerSchema = z.enum(['yes', 'no', 'unknown']);

export const answerValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('jnw'), answer: jnwAnswerSchema, value: z.string() }),
  z.object({
    kind: z.literal('checkbox'),
    /** Named values in questionnaire order; values the framework does not list are kept at the end. */
    values: z.array(z.string()),
    /** The "Anders, namelijk" text, kept apart: free text is not compared item by item. */
    other: z.string().optional(),
  }),
  z.object({ kind: z.literal('comment'), text: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);

/**
 * answered: a usable answer · empty: submitted without an answer · invalid: submitted with a value of the
 * wrong shape (counted as empty) · not_asked: the respondent's questionnaire lacks the question ·
 * not_submitted: draft or not started, never counted.
 */
export const answerStateSchema = z.enum(['answered', 'empty', 'invalid', 'not_asked', 'not_submitted']);

export const answerCellSchema = z.object({
  state: answerStateSchema,
  responseStatus: responseStatusSchema,
  value: answerValueSchema.optional(),
  /** The respondent's "Toelichting" next to a jnw answer, when the framework declares one. */
  explanation: z.string().optional(),
  /** Dutch text for the answers table ("Ja", "Weet ik niet", "nog niet ingediend", …). */
  display: z.string(),
});

export const flagKindSchema = z.enum([
  'tegenspraak',
  'onbekend',
  'verdeeld',
  'uiteenlopend',
  'afwijkende_omschrijving',
  'risico',
  'ontbreekt',
]);

export const riskLevelSchema = z.enum(['let_op', 'verbeterpunt']);

export const flagSchema = z.object({
  kind: flagKindSchema,
  question: z.string(),
  /** The respondents the flag is about (codes); the municipality is implied where it is the reference. */
  respondents: z.array(respondentCodeSchema),
  /** "2 van de 3 netwerkpartners": count of `of`, where both are counts of partners unless said otherwise. */
  count: z.number().int().min(0).optional(),
  of: z.number().int().min(0).optional(),
  /** Dutch explanation for the inspector; may name P-numbers (drafted findings never do). */
  message: z.string(),
  /** Only on `risico`. */
  level: riskLevelSchema.optional(),
});

export const checkboxComparisonSchema = z.object({
  question: z.string(),
  respondents: z.array(respondentCodeSchema),
  items: z.array(z.object({ value: z.string(), label: z.string(), namedBy: z.array(respondentCodeSchema) })),
  otherTexts: z.array(z.object({ respondent: respondentCodeSchema, text: z.string() })),
});

export const commentComparisonSchema = z.object({
  question: z.string(),
  texts: z.array(
    z.object({
      respondent: respondentCodeSchema,
      text: z.string(),
      /** Mean similarity to the other texts; null when there is no other text. */
      meanSimilarity: z.number().nullable(),
    }),
  ),
  pairs: z.array(z.object({ a: respondentCodeSchema, b: respondentCodeSchema, similarity: z.number() })),
  threshold: z.number(),
});

export const verdictSchema = z.enum(['voldoet', 'voldoet_let_op', 'verbeterpunt', 'geen_oordeel']);

export const proposalSchema = z.object({
  verdict: verdictSchema,
  /** The LET OP text without the "LET OP:" label (the factsheet prints the label). */
  letOp: z.string().optional(),
  /** Drafted finding in the factsheets' style; partners are never named. */
  finding: z.string(),
  /** Which rule of analysis-rules.md produced the verdict, in Dutch, for the inspector. */
  reason: z.string(),
});

export const indicatorAnalysisSchema = z.object({
  id: z.string(),
  theme: z.string(),
  criterion: z.string(),
  proposal: proposalSchema,
  flags: z.array(flagSchema),
  /** question name → respondent code → cell */
  answers: z.record(z.string(), z.record(respondentCodeSchema, answerCellSchema)),
  comparisons: z.object({
    checkbox: z.array(checkboxComparisonSchema),
    comments: z.array(commentComparisonSchema),
  }),
});

export const themeAgreementSchema = z.object({
  theme: z.string(),
  /** jnw answer pairs municipality–partner where both answered yes or no. */
  pairs: z.number().int().min(0),
  agreeing: z.number().int().min(0),
  /** agreeing / pairs; null without pairs. */
  share: z.number().min(0).max(1).nullable(),
});

export const alphaSummarySchema = z.object({
  /** Krippendorff's alpha (nominal); null when undefined (no pairable values or no variation). */
  value: z.number().nullable(),
  /** Questions with at least two yes/no answers. */
  units: z.number().int().min(0),
  /** yes/no answers in those units. */
  values: z.number().int().min(0),
  raters: z.number().int().min(0),
  precision: z.literal('low'),
  note: z.string(),
});

export const aggregatesSchema = z.object({
  flagCounts: z.record(flagKindSchema, z.number().int().min(0)),
  proposalCounts: z.record(verdictSchema, z.number().int().min(0)),
  agreementByTheme: z.array(themeAgreementSchema),
  krippendorffAlpha: alphaSummarySchema,
});

export const analysisResultSchema = z.object({
  framework: z.string(),
  respondents: z.array(respondentSummarySchema),
  indicators: z.array(indicatorAnalysisSchema),
  aggregates: aggregatesSchema,
});

export type RespondentCode = z.infer<typeof respondentCodeSchema>;
export type RespondentSummary = z.infer<typeof respondentSummarySchema>;
export type JnwAnswer = z.infer<typeof jnwAnswerSchema>;
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type AnswerState = z.infer<typeof answerStateSchema>;
export type AnswerCell = z.infer<typeof answerCellSchema>;
export type FlagKind = z.infer<typeof flagKindSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type CheckboxComparison = z.infer<typeof checkboxComparisonSchema>;
export type CommentComparison = z.infer<typeof commentComparisonSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type IndicatorAnalysis = z.infer<typeof indicatorAnalysisSchema>;
export type ThemeAgreement = z.infer<typeof themeAgreementSchema>;
export type AlphaSummary = z.infer<typeof alphaSummarySchema>;
export type Aggregates = z.infer<typeof aggregatesSchema>;
export type AnalysisResult = z.infer<typeof analysisResultSchema>;
