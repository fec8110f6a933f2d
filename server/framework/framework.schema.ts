import { z } from 'zod';

/**
 * The assessment framework (toetsingskader) as data. Application code reads indicators, questions,
 * polarity, content rules and finding phrases from here; it never names an indicator or a question.
 * The GGSR framework lives in questionnaires/toetsingskader.json; a second framework is a new file.
 */

const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'letters, digits, _ and - only');
/** SurveyJS question names as used in the answer data. */
const questionName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _ only');
const dutchText = z.string().trim().min(1);

export const questionnaireRefSchema = z.object({
  /** Also the value stored with each response and used in `askedOf`. */
  id: identifier,
  /** The respondent role this questionnaire is for. */
  role: z.enum(['gemeente', 'netwerkpartner']),
  /** SurveyJS JSON file, relative to the framework file. */
  file: z.string().regex(/^[\w.-]+\.json$/),
});

/** The three answers of a jnw radiogroup and how they read in Dutch findings. */
export const answerScaleSchema = z.object({
  yes: z.string().min(1),
  no: z.string().min(1),
  unknown: z.string().min(1),
});

const askedOf = z.array(identifier).min(1);

const choiceSchema = z.object({
  value: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Noun phrase used in drafted findings ("het Veiligheidshuis"), not the questionnaire label. */
  label: dutchText,
});

const questionBase = {
  name: questionName,
  askedOf,
  /** The decisive question of its indicator (at most one per indicator, always a jnw question). */
  core: z.boolean().default(false),
};

export const jnwQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('jnw'),
  /** positive: `yes` meets the indicator; negative: `no` meets it (e.g. "Geldt er een maximale duur?"). */
  polarity: z.enum(['positive', 'negative']),
  /**
   * Subordinate clauses that follow "geven aan dat …" / "weten niet of …", keyed by the literal answer:
   * yes: "de doorzettingsmacht voor de regisseur geregeld is", no: "de doorzettingsmacht … niet geregeld is".
   */
  phrases: z.object({ yes: dutchText, no: dutchText }),
});

export const checkboxQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('checkbox'),
  /** Exactly the catalogue's values, in questionnaire order. An "other" item is always allowed. */
  choices: z.array(choiceSchema).min(1),
  /** What the named items are, after "noemen … ": "als aanmeldpunt", "als verbonden partij". */
  phrases: z.object({ topic: dutchText }),
});

export const commentQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('comment'),
  /** What the texts describe: "de doelgroep" → "De omschrijvingen van de doelgroep lopen uiteen." */
  phrases: z.object({ topic: dutchText }),
});

/** Free text supporting a jnw answer (e.g. the regisseur's job title); shown, never compared. */
export const textQuestionSchema = z.object({
  ...questionBase,
  kind: z.literal('text'),
});

export const indicatorQuestionSchema = z.discriminatedUnion('kind', [
  jnwQuestionSchema,
  checkboxQuestionSchema,
  commentQuestionSchema,
  textQuestionSchema,
]);

/**
 * Content rules (`risico`) that fire regardless of agreement. `who` says whose answers count:
 * any respondent, the municipality, all partners that answered, or the municipality or all partners.
 */
export const riskConditionSchema = z.discriminatedUnion('type', [
  /** Checkbox answer contains the value. */
  z.object({ type: z.literal('contains'), value: z.string().min(1) }),
  /** jnw (or any single-valued) answer equals the value. */
  z.object({ type: z.literal('equals'), value: z.string().min(1) }),
  /** None of the respondents named one of these checkbox values (reported per missing value). */
  z.object({ type: z.literal('named_by_none'), values: z.array(z.string().min(1)).min(1) }),
]);

export const riskRuleSchema = z.object({
  question: questionName,
  condition: riskConditionSchema,
  who: z.enum(['any', 'gemeente', 'all_partners', 'gemeente_or_all_partners']).default('any'),
  /** let_op adds a LET OP to a positive proposal; verbeterpunt makes the proposal an improvement point. */
  level: z.enum(['let_op', 'verbeterpunt']),
  /**
   * Dutch clause after "geven aan dat …" / "… dat": "het gezin wordt losgelaten als het niet meer wil
   * meewerken". For named_by_none, `{items}` is replaced by the missing items' labels.
   */
  message: dutchText,
});

export const indicatorSchema = z.object({
  id: identifier,
  /** The indicator as worded in the factsheets. */
  text: dutchText,
  questions: z.array(indicatorQuestionSchema).min(1),
  rules: z.array(riskRuleSchema).default([]),
});

export const criterionSchema = z.object({
  id: identifier,
  title: dutchText,
  indicators: z.array(indicatorSchema).min(1),
});

export const themeSchema = z.object({
  id: identifier,
  title: dutchText,
  /** The one-line description the factsheets give ("gezinnen zijn in beeld en worden bereikt …"). */
  description: dutchText,
  criteria: z.array(criterionSchema).min(1),
});

/** Questions that are not part of an indicator, and the app features that read them. */
export const contextSchema = z.object({
  questions: z
    .array(
      z.object({
        name: questionName,
        askedOf,
        kind: z.enum(['text', 'comment', 'number', 'file', 'paneldynamic']),
      }),
    )
    .default([]),
  bindings: z
    .object({
      approachName: questionName.optional(),
      approachDescription: questionName.optional(),
      familyCount: questionName.optional(),
      documents: questionName.optional(),
      /** Prefilled with the organisation from the invitation. */
      respondentOrganisation: questionName.optional(),
      partnerNominations: z
        .object({
          question: questionName,
          organisation: questionName,
          contactName: questionName,
          email: questionName,
          max: z.number().int().min(1),
        })
        .optional(),
    })
    .default({}),
});

/**
 * Whom the framework's care is for, in the words the factsheet sentences need (server/factsheets/
 * factsheet-text.ts); GGSR says "gezinnen met een geringe sociale redzaamheid", another framework its own.
 */
export const factsheetWordingSchema = z.object({
  /** "… aan de hand van vijf thema's voor <careFor>". */
  careFor: dutchText,
  /** "… beoordeelt of op beleidsniveau <assessedCare> op toereikende wijze is vormgegeven". */
  assessedCare: dutchText,
  /** "Op dit moment krijgen 316 <many> in Maastricht ondersteuning vanuit deze aanpak." */
  supported: z.object({ one: dutchText, many: dutchText }),
});

/** For a framework that does not say: neutral words rather than another framework's target group. */
const NEUTRAL_WORDING: z.infer<typeof factsheetWordingSchema> = {
  careFor: 'verantwoorde zorg en ondersteuning',
  assessedCare: 'de zorg en ondersteuning',
  supported: { one: 'cliënt', many: 'cliënten' },
};

export const frameworkSchema = z.object({
  id: identifier,
  title: dutchText,
  /** Shown above the themes in the factsheet ("Samenwerkend Toezicht Jeugd verstaat onder …"). */
  introduction: z.array(dutchText).default([]),
  factsheetWording: factsheetWordingSchema.default(NEUTRAL_WORDING),
  /**
   * The SurveyJS variable that is true in a follow-up round (reduceQuestionnaire sets it); the
   * questionnaires show their follow-up texts with conditions on it, e.g. `{vervolgonderzoek} = true`.
   */
  followUpVariable: identifier.optional(),
  questionnaires: z.array(questionnaireRefSchema).min(1),
  answerScale: answerScaleSchema,
  /**
   * Added: when set, every jnw question X has an optional free-text comment `X<suffix>` ("Toelichting") in
   * each questionnaire that asks X. The loader requires it there and counts it as referenced; the analysis
   * can show it next to the answer.
   */
  explanationSuffix: z
    .string()
    .regex(/^_[a-z0-9_]+$/)
    .optional(),
  /** Upper bound on partner respondents per investigation. */
  maxPartners: z.number().int().min(0),
  context: contextSchema.default({ questions: [], bindings: {} }),
  themes: z.array(themeSchema).min(1),
});

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkTheme = z.infer<typeof themeSchema>;
export type FrameworkCriterion = z.infer<typeof criterionSchema>;
export type FrameworkIndicator = z.infer<typeof indicatorSchema>;
export type IndicatorQuestion = z.infer<typeof indicatorQuestionSchema>;
export type JnwQuestion = z.infer<typeof jnwQuestionSchema>;
export type CheckboxQuestion = z.infer<typeof checkboxQuestionSchema>;
export type CommentQuestion = z.infer<typeof commentQuestionSchema>;
export type RiskRule = z.infer<typeof riskRuleSchema>;
export type QuestionnaireRef = z.infer<typeof questionnaireRefSchema>;
