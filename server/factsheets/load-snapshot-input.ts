import type { Types } from 'mongoose';
import { factsheetSchema, type Factsheet } from '../../shared/api/review.js';
import type { Framework } from '../framework/framework.schema.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { Models } from '../models/index.js';
import { loadAnswerSetsOf } from '../review/answer-sets.js';
import type { SnapshotInput } from './build-snapshot.js';

export type Publication = Pick<SnapshotInput, 'version' | 'publishedAt' | 'publishedBy'>;

/**
 * Reads what `buildSnapshot` needs for one investigation: judgments, conclusions, the follow-up
 * narrative, answers, baselines.
 */
export async function loadSnapshotInput(
  models: Models,
  framework: Framework,
  investigation: InvestigationRecord,
  publication: Publication,
): Promise<SnapshotInput> {
  const [judgments, conclusions, narrative, answerSets] = await Promise.all([
    models.Judgment.find({ investigation: investigation._id })
      .select({ indicatorId: 1, verdict: 1, letOp: 1, finding: 1 })
      .lean(),
    models.Conclusion.find({ investigation: investigation._id })
      .select({ themeId: 1, goed: 1, beter: 1 })
      .lean(),
    models.FollowUpNarrative.findOne({ investigation: investigation._id }).select({ text: 1 }).lean(),
    loadAnswerSetsOf(models, investigation._id),
  ]);
  const followUp = investigation.followUp?.baselines.length ? investigation.followUp : null;
  const baselineSnapshots = await Promise.all(
    (followUp?.baselines ?? []).map((b) =>
      loadPublishedSnapshot(models, b.investigation, b.factsheetVersion),
    ),
  );
  return {
    investigation: {
      id: investigation._id.toString(),
      municipality: investigation.municipality,
      approach: investigation.approach,
      year: investigation.year,
      followUp: followUp
        ? {
            baselines: followUp.baselines.map((b) => ({
              investigationId: b.investigation.toString(),
              factsheetVersion: b.factsheetVersion,
              year: b.year,
              approach: b.approach,
            })),
            indicatorIds: [...followUp.indicatorIds],
          }
        : null,
    },
    framework,
    judgments: judgments.map((j) => ({
      indicatorId: j.indicatorId,
      verdict: j.verdict,
      letOp: j.letOp ?? null,
      finding: j.finding ?? '',
    })),
    conclusions: conclusions.map((c) => ({ themeId: c.themeId, goed: c.goed ?? '', beter: c.beter ?? '' })),
    narrative: narrative?.text ?? '',
    answerSets,
    baselineSnapshots,
    ...publication,
  };
}

/** A stored snapshot, parsed: it is kept as a free-form document, so it is checked on the way out. */
export async function loadPublishedSnapshot(
  models: Models,
  investigation: Types.ObjectId | string,
  version: number,
): Promise<Factsheet | null> {
  const record = await models.Factsheet.findOne({ investigation, version }).lean();
  return record ? factsheetSchema.parse(record.snapshot) : null;
}
