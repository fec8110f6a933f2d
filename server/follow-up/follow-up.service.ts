import { deadlineFromInput } from '../investigations/deadline-day.js';
import type { CreateFollowUpInput, Factsheet } from '../../shared/api/review.js';
import { userActor } from '../audit/audit.js';
import { BadRequestError, ConflictError } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { FactsheetRecord } from '../models/factsheet.model.js';
import type { FollowUpRecord, InvestigationRecord } from '../models/investigation.model.js';
import type { UserRecord } from '../models/user.model.js';

type Baseline = { investigation: InvestigationRecord; factsheet: FactsheetRecord };

/**
 * A follow-up round from one published baseline (or two approaches of the same municipality, as
 * Almere's): it asks again only the indicators judged `verbeterpunt` in the newest factsheet of each
 * baseline. A baseline that is itself a follow-up is fine: its factsheet covers its own indicators.
 */
export async function createFollowUp(
  ctx: InspectorContext,
  framework: Framework,
  baselineId: string,
  input: CreateFollowUpInput,
  actor: UserRecord,
): Promise<{ id: string; indicatorIds: string[] }> {
  if (input.combineWith !== undefined && input.combineWith.toLowerCase() === baselineId.toLowerCase()) {
    throw new BadRequestError('same_baseline', 'combineWith must name a different investigation');
  }
  const primary = await findInvestigation(ctx, baselineId);
  const second = input.combineWith ? await findInvestigation(ctx, input.combineWith) : null;
  if (second && second.municipality !== primary.municipality) {
    throw new ConflictError(
      'municipality_mismatch',
      'Both baselines of a follow-up must be investigations of the same municipality',
    );
  }
  const baselines = await Promise.all(
    [primary, ...(second ? [second] : [])].map((investigation) => publishedBaseline(ctx, investigation)),
  );
  const indicatorIds = improvementPoints(
    framework,
    baselines.map((b) => b.factsheet.snapshot),
  );
  if (indicatorIds.length === 0) {
    throw new ConflictError(
      'no_improvement_points',
      'The published baseline has no indicator judged verbeterpunt: there is nothing to follow up',
    );
  }

  const followUp: FollowUpRecord = {
    baselines: baselines.map(({ investigation, factsheet }) => ({
      investigation: investigation._id,
      factsheetVersion: factsheet.version,
      year: investigation.year,
      approach: investigation.approach,
    })),
    indicatorIds,
  };
  const created = await ctx.models.Investigation.create({
    municipality: primary.municipality,
    approach: input.approach ?? primary.approach,
    year: input.year,
    ...(input.deadline ? { deadline: deadlineFromInput(input.deadline) } : {}),
    contactUser: actor._id,
    followUp,
  });
  await ctx.audit.record({
    actor: userActor(actor),
    action: 'investigation.follow_up_created',
    target: { type: 'investigation', id: created._id.toString() },
    investigation: created._id,
    details: {
      baselines: followUp.baselines.map((b) => ({
        investigation: b.investigation.toString(),
        factsheetVersion: b.factsheetVersion,
      })),
      indicatorIds,
      year: input.year,
    },
  });
  return { id: created._id.toString(), indicatorIds };
}

async function publishedBaseline(
  ctx: InspectorContext,
  investigation: InvestigationRecord,
): Promise<Baseline> {
  const factsheet = await ctx.models.Factsheet.findOne({ investigation: investigation._id })
    .sort({ version: -1 })
    .lean<FactsheetRecord>();
  if (!factsheet) {
    throw new ConflictError(
      'baseline_not_published',
      `Investigation ${investigation._id.toString()} has no published factsheet yet`,
    );
  }
  return { investigation, factsheet };
}

/** Indicators judged verbeterpunt in any of the snapshots, in framework order. */
export function improvementPoints(framework: Framework, snapshots: readonly Factsheet[]): string[] {
  const flagged = new Set<string>();
  for (const snapshot of snapshots) {
    for (const theme of snapshot.themes) {
      for (const criterion of theme.criteria) {
        for (const indicator of criterion.indicators) {
          if (indicator.verdict === 'verbeterpunt') flagged.add(indicator.id);
        }
      }
    }
  }
  return framework.themes.flatMap((theme) =>
    theme.criteria.flatMap((criterion) =>
      criterion.indicators.filter((indicator) => flagged.has(indicator.id)).map((indicator) => indicator.id),
    ),
  );
}
