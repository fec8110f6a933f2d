import type { Types } from 'mongoose';
import type {
  Conclusion,
  FactsheetSummary,
  FollowUpNarrative,
  Judgment,
  Review,
} from '../../shared/api/review.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { FactsheetRecord } from '../models/factsheet.model.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import { differingApproachName, municipalityApproachName } from '../factsheets/approach-name.js';
import { analyseInvestigation } from '../analysis/index.js';
import { frameworkFor } from './analysis.service.js';
import { loadAnswerSetsOf } from './answer-sets.js';
import { listConclusions } from './conclusions.service.js';
import { narrativeOf } from './follow-up-narrative.service.js';
import { buildFrameworkOutline, currentQuestionnaireJsons } from './framework-outline.js';
import { listJudgments } from './judgments.service.js';

/** GET /api/investigations/:id/review — everything the consistency view needs in one reply. */
export async function getReview(ctx: InspectorContext, id: string): Promise<Review> {
  const investigation = await findInvestigation(ctx, id);
  const framework = frameworkFor(ctx, investigation);
  const [answerSets, judgments, conclusions, followUpNarrative, factsheets] = await Promise.all([
    loadAnswerSetsOf(ctx.models, investigation._id),
    listJudgments(ctx, investigation._id),
    listConclusions(ctx, investigation._id),
    narrativeOf(ctx, investigation),
    listFactsheetSummaries(ctx, investigation._id),
  ]);
  // One read of the answers serves both the analysis and the municipality's name for the approach.
  const analysis = analyseInvestigation(framework, answerSets);
  const catalog = ctx.respond?.questionnaires;
  return {
    investigation: reviewedInvestigation(investigation),
    approachNamedByMunicipality: differingApproachName(
      investigation.approach,
      municipalityApproachName(framework, answerSets),
    ),
    framework: buildFrameworkOutline(framework, catalog ? currentQuestionnaireJsons(catalog) : []),
    analysis,
    judgments,
    conclusions,
    followUpNarrative,
    factsheets,
    changedSincePublished: changedSincePublished(
      [...judgments, ...conclusions, ...writtenNarrative(followUpNarrative)],
      factsheets,
    ),
  };
}

/** Published factsheet versions, oldest first. */
export async function listFactsheetSummaries(
  ctx: InspectorContext,
  investigationId: Types.ObjectId | string,
): Promise<FactsheetSummary[]> {
  const records = await ctx.models.Factsheet.find({ investigation: investigationId })
    .sort({ version: 1 })
    .lean<FactsheetRecord[]>();
  return records.map((record) => ({
    version: record.version,
    kind: record.snapshot.kind,
    publishedAt: record.publishedAt.toISOString(),
    publishedBy: { name: record.snapshot.publishedBy.name, email: record.snapshot.publishedBy.email },
  }));
}

/**
 * True when a judgment, conclusion or the follow-up narrative changed after the newest factsheet: a new
 * version is due.
 */
export function changedSincePublished(
  edits: readonly Pick<Judgment | Conclusion, 'updatedAt'>[],
  factsheets: readonly Pick<FactsheetSummary, 'publishedAt'>[],
): boolean {
  if (factsheets.length === 0) return false;
  const newest = Math.max(...factsheets.map((f) => Date.parse(f.publishedAt)));
  return edits.some((item) => Date.parse(item.updatedAt) > newest);
}

function writtenNarrative(narrative: FollowUpNarrative | null): { updatedAt: string }[] {
  return narrative?.updatedAt ? [{ updatedAt: narrative.updatedAt }] : [];
}

function reviewedInvestigation(investigation: InvestigationRecord): Review['investigation'] {
  const { followUp } = investigation;
  return {
    id: investigation._id.toString(),
    municipality: investigation.municipality,
    approach: investigation.approach,
    year: investigation.year,
    status: investigation.status,
    followUp: followUp
      ? {
          baselines: followUp.baselines.map((baseline) => ({
            investigationId: baseline.investigation.toString(),
            factsheetVersion: baseline.factsheetVersion,
            year: baseline.year,
            approach: baseline.approach,
          })),
          indicatorIds: [...followUp.indicatorIds],
        }
      : null,
  };
}
