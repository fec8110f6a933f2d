import { z } from 'zod';
import { deadlineSchema } from './deadline.js';
import { analysisResultSchema, verdictSchema } from '../analysis/analysis-result.js';
import { objectIdSchema } from './object-id.js';

/**
 * The contract between the server and the inspector client for reviewing an investigation: judgments,
 * conclusions, factsheets, follow-up rounds and the overview. Both sides import these schemas; the
 * server validates what it receives with them and the client parses what it gets back.
 */

const isoDate = z.string().datetime({ offset: true });
const objectId = objectIdSchema;
/** Free text an inspector writes; long enough for a factsheet paragraph, bounded against abuse. */
const inspectorText = (max: number) => z.string().trim().max(max);

export const judgmentVerdictSchema = z.enum(['voldoet', 'verbeterpunt', 'niet_beoordeeld']);

export const actorSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

// ── Judgments ────────────────────────────────────────────────────────────────────────────────────────

/** PUT /api/investigations/:id/judgments/:indicatorId. `revision` guards against overwriting a colleague. */
export const judgmentInputSchema = z.object({
  verdict: judgmentVerdictSchema,
  letOp: inspectorText(4000).optional(),
  finding: inspectorText(20000),
  /** The revision the inspector edited; omitted for a first judgment. A stale one gives 409. */
  revision: z.number().int().min(0).optional(),
});

export const judgmentSchema = z.object({
  indicatorId: z.string(),
  verdict: judgmentVerdictSchema,
  /** Without the "LET OP:" label; null when there is none. */
  letOp: z.string().nullable(),
  finding: z.string(),
  revision: z.number().int().min(1),
  updatedAt: isoDate,
  updatedBy: actorSchema,
});

/** One change of a judgment or conclusion, from the append-only audit log. */
export const changeSchema = z.object({
  at: isoDate,
  by: z.object({ email: z.string().nullable() }),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
});
export const changeHistorySchema = z.object({ items: z.array(changeSchema) });

// ── Conclusions per theme ────────────────────────────────────────────────────────────────────────────

/** PUT /api/investigations/:id/conclusions/:themeId — "Wat gaat goed?" / "Wat kan beter?". */
export const conclusionInputSchema = z.object({
  goed: inspectorText(20000),
  beter: inspectorText(20000),
  revision: z.number().int().min(0).optional(),
});

export const conclusionSchema = z.object({
  themeId: z.string(),
  goed: z.string(),
  beter: z.string(),
  revision: z.number().int().min(1),
  updatedAt: isoDate,
  updatedBy: actorSchema,
});

// ── Follow-up narrative ("Ontwikkeling <jaar>") ─────────────────────────────────────────────────────

/**
 * How the municipality took up the improvement points, as the seeds tell it before the result tables.
 * Plain text, never HTML: every line is a paragraph, a line starting with "### " is a sub-heading
 * ("### Sociale wijkteams"). The renderers escape it like every other inspector text.
 */
export const FOLLOW_UP_NARRATIVE_MAX = 20000;

/** PUT /api/investigations/:id/follow-up-narrative; `revision` as for conclusions (0 or none creates). */
export const followUpNarrativeInputSchema = z.object({
  text: inspectorText(FOLLOW_UP_NARRATIVE_MAX),
  revision: z.number().int().min(0).optional(),
});

/** Revision 0 (and no author) while nobody has written one: the editor then starts empty. */
export const followUpNarrativeSchema = z.object({
  text: z.string(),
  revision: z.number().int().min(0),
  updatedAt: isoDate.nullable(),
  updatedBy: actorSchema.nullable(),
});

/** The narrative as a published factsheet keeps it: already split, so a later parser cannot change it. */
export const narrativeBlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph']),
  text: z.string(),
});

// ── The framework as the client shows it ─────────────────────────────────────────────────────────────

export const frameworkOutlineSchema = z.object({
  id: z.string(),
  title: z.string(),
  themes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      criteria: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          indicators: z.array(
            z.object({
              id: z.string(),
              text: z.string(),
              /** The questions of this indicator, with their Dutch titles from the questionnaires. */
              questions: z.array(z.object({ name: z.string(), title: z.string(), kind: z.string() })),
            }),
          ),
        }),
      ),
    }),
  ),
});

// ── Follow-up rounds ─────────────────────────────────────────────────────────────────────────────────

/** A baseline a follow-up looks back on: an investigation and the factsheet version it was judged in. */
export const baselineRefSchema = z.object({
  investigationId: objectId,
  factsheetVersion: z.number().int().min(1),
  year: z.number().int(),
  approach: z.string(),
});

export const followUpInfoSchema = z.object({
  baselines: z.array(baselineRefSchema).min(1).max(2),
  /** The indicators judged verbeterpunt in at least one baseline: the only ones asked again. */
  indicatorIds: z.array(z.string()).min(1),
});

/** POST /api/investigations/:id/follow-up; `combineWith` adds a second baseline approach (Almere). */
export const createFollowUpInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  approach: z.string().trim().min(1).max(200).optional(),
  deadline: deadlineSchema.optional(),
  combineWith: objectId.optional(),
});
export const createFollowUpReplySchema = z.object({ id: objectId, indicatorIds: z.array(z.string()) });

// ── Factsheets ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The framework's own words for whom the care is for, copied into each snapshot so a factsheet reads the
 * same after the framework changes. See `factsheetWording` in server/framework/framework.schema.ts.
 */
export const factsheetWordingSchema = z.object({
  /** "… aan de hand van vijf thema's voor <careFor>". */
  careFor: z.string(),
  /** "… beoordeelt of op beleidsniveau <assessedCare> op toereikende wijze is vormgegeven". */
  assessedCare: z.string(),
  /** "Op dit moment krijgen 316 <many> in Maastricht ondersteuning …". */
  supported: z.object({ one: z.string(), many: z.string() }),
});

/**
 * Snapshots published before the wording was stored with them: all of them were GGSR factsheets, so
 * they read on with the GGSR words (and compare equal to a new GGSR snapshot with the same content).
 */
const WORDING_OF_EARLIER_SNAPSHOTS: z.infer<typeof factsheetWordingSchema> = {
  careFor: 'verantwoorde zorg en ondersteuning voor gezinnen met een geringe sociale redzaamheid',
  assessedCare: 'de zorg en ondersteuning aan gezinnen met geringe sociale redzaamheid',
  supported: { one: 'gezin', many: 'gezinnen' },
};

export const factsheetKindSchema = z.enum(['uitkomsten', 'uitkomsten_verbeterpunten']);

export const factsheetSummarySchema = z.object({
  version: z.number().int().min(1),
  kind: factsheetKindSchema,
  publishedAt: isoDate,
  publishedBy: z.object({ name: z.string(), email: z.string() }),
});

/** What a factsheet says about one indicator; `baselines` only in a follow-up report, one per baseline. */
export const factsheetIndicatorSchema = z.object({
  id: z.string(),
  text: z.string(),
  verdict: judgmentVerdictSchema,
  letOp: z.string().nullable(),
  finding: z.string(),
  baselines: z
    .array(
      z
        .object({ verdict: judgmentVerdictSchema, letOp: z.string().nullable(), finding: z.string() })
        .nullable(),
    )
    .optional(),
});

/**
 * A published factsheet: an immutable snapshot with everything needed to render it again identically,
 * whatever changes later (framework texts, judgments, respondents).
 */
export const factsheetSchema = factsheetSummarySchema.extend({
  investigation: z.object({ id: objectId, municipality: z.string(), approach: z.string(), year: z.number() }),
  /** "Uitkomsten toezichtonderzoek Maastricht" / "Uitkomsten verbeterpunten toezichtonderzoek Almere". */
  title: z.string(),
  /** The framework's introduction (what STJ means by GGSR), as the seeds open. */
  introduction: z.string(),
  frameworkTitle: z.string(),
  approach: z.object({
    name: z.string(),
    description: z.string().nullable(),
    familyCount: z.number().nullable(),
  }),
  /** Who answered: the municipality (submitted or not) and the partners by organisation. */
  respondents: z.object({ gemeenteSubmitted: z.boolean(), partners: z.array(z.string()) }),
  /** Follow-up reports: column headings such as "2013 Multiprobleemgezinnen", in order. */
  baselines: z.array(baselineRefSchema.extend({ label: z.string() })),
  /** Follow-up reports: "Ontwikkeling <jaar>"; empty for a baseline report and for older snapshots. */
  narrative: z.array(narrativeBlockSchema).default([]),
  wording: factsheetWordingSchema.default(WORDING_OF_EARLIER_SNAPSHOTS),
  themes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      criteria: z.array(
        z.object({ id: z.string(), title: z.string(), indicators: z.array(factsheetIndicatorSchema) }),
      ),
      conclusions: z.object({ goed: z.string(), beter: z.string() }),
    }),
  ),
});

// ── The review page (one request for the consistency view) ───────────────────────────────────────────

export const reviewSchema = z.object({
  investigation: z.object({
    id: objectId,
    municipality: z.string(),
    approach: z.string(),
    year: z.number(),
    status: z.string(),
    followUp: followUpInfoSchema.nullable(),
  }),
  /**
   * The municipality's own name for the approach in its submitted answers, only when it differs from
   * `investigation.approach`: the factsheet publishes the latter, so the inspector sees the other beside it.
   */
  approachNamedByMunicipality: z.string().nullable().default(null),
  framework: frameworkOutlineSchema,
  analysis: analysisResultSchema,
  judgments: z.array(judgmentSchema),
  conclusions: z.array(conclusionSchema),
  /** The "Ontwikkeling <jaar>" text of a follow-up round; null for a baseline investigation. */
  followUpNarrative: followUpNarrativeSchema.nullable().default(null),
  factsheets: z.array(factsheetSummarySchema),
  /** True when a judgment, conclusion or follow-up narrative changed after the newest factsheet (a new version is due). */
  changedSincePublished: z.boolean(),
});

// ── Overview across municipalities ───────────────────────────────────────────────────────────────────

export const overviewQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  round: z.enum(['all', 'baseline', 'follow_up']).default('all'),
});

/** A cell: the inspector's verdict when judged, otherwise the analysis proposal. */
export const overviewCellSchema = z.object({
  source: z.enum(['judgment', 'proposal']),
  verdict: z.union([judgmentVerdictSchema, verdictSchema]),
  flags: z.number().int().min(0),
});

export const overviewSchema = z.object({
  year: z.number(),
  round: z.enum(['all', 'baseline', 'follow_up']),
  themes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      indicators: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
  rows: z.array(
    z.object({
      investigationId: objectId,
      municipality: z.string(),
      approach: z.string(),
      round: z.enum(['baseline', 'follow_up']),
      /** indicator id → cell; null where the indicator is not part of this investigation (follow-ups). */
      cells: z.record(z.string(), overviewCellSchema.nullable()),
      /** theme id → verdict → count. */
      countsByTheme: z.record(z.string(), z.record(z.string(), z.number().int().min(0))),
    }),
  ),
});

export type JudgmentVerdict = z.infer<typeof judgmentVerdictSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type JudgmentInput = z.infer<typeof judgmentInputSchema>;
export type Judgment = z.infer<typeof judgmentSchema>;
export type Change = z.infer<typeof changeSchema>;
export type ConclusionInput = z.infer<typeof conclusionInputSchema>;
export type Conclusion = z.infer<typeof conclusionSchema>;
export type FollowUpNarrativeInput = z.infer<typeof followUpNarrativeInputSchema>;
export type FollowUpNarrative = z.infer<typeof followUpNarrativeSchema>;
export type NarrativeBlock = z.infer<typeof narrativeBlockSchema>;
export type FactsheetWording = z.infer<typeof factsheetWordingSchema>;
export type FrameworkOutline = z.infer<typeof frameworkOutlineSchema>;
export type BaselineRef = z.infer<typeof baselineRefSchema>;
export type FollowUpInfo = z.infer<typeof followUpInfoSchema>;
export type CreateFollowUpInput = z.infer<typeof createFollowUpInputSchema>;
export type FactsheetKind = z.infer<typeof factsheetKindSchema>;
export type FactsheetSummary = z.infer<typeof factsheetSummarySchema>;
export type FactsheetIndicator = z.infer<typeof factsheetIndicatorSchema>;
export type Factsheet = z.infer<typeof factsheetSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
export type OverviewCell = z.infer<typeof overviewCellSchema>;
export type Overview = z.infer<typeof overviewSchema>;
