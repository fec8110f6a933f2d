import type { Types } from 'mongoose';
import type { Conclusion, ConclusionInput } from '../../shared/api/review.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { ConclusionRecord } from '../models/conclusion.model.js';
import type { UserRecord } from '../models/user.model.js';
import { frameworkFor } from './analysis.service.js';
import { listChanges, recordChange, type HistorySubject } from './history.js';
import { reviewedDocumentStore, writeRevisioned } from './revisioned-write.js';

/** The conclusions per theme ("Wat gaat goed?" / "Wat kan beter?") of an investigation. */
export async function listConclusions(
  ctx: InspectorContext,
  investigationId: Types.ObjectId | string,
): Promise<Conclusion[]> {
  const records = await ctx.models.Conclusion.find({ investigation: investigationId })
    .sort({ themeId: 1 })
    .lean<ConclusionRecord[]>();
  return records.map(toConclusion);
}

/** PUT /api/investigations/:id/conclusions/:themeId — the same compare-and-set and history as judgments. */
export async function putConclusion(
  ctx: InspectorContext,
  id: string,
  themeId: string,
  input: ConclusionInput,
  user: UserRecord,
): Promise<Conclusion> {
  const investigation = await findInvestigation(ctx, id);
  requireTheme(frameworkFor(ctx, investigation), themeId);
  const content = { goed: input.goed, beter: input.beter };
  const key = { investigation: investigation._id, themeId };
  const write = await writeRevisioned<ConclusionRecord>(
    reviewedDocumentStore({
      model: ctx.models.Conclusion,
      key,
      content,
      user,
      now: ctx.now,
      unchanged: (current) => current.goed === content.goed && current.beter === content.beter,
      conflict: (current) =>
        new ConflictError(
          'conclusion_conflict',
          'The conclusion was changed by someone else; reload it and apply your change again',
          [{ current: current ? toConclusion(current) : null }],
        ),
    }),
    input.revision ?? 0,
  );
  if (write.changed) {
    await recordChange(ctx, {
      subject: subjectOf(themeId),
      investigation: investigation._id,
      user,
      before: write.before ? { goed: write.before.goed, beter: write.before.beter } : null,
      after: content,
      revision: write.record.revision,
    });
  }
  return toConclusion(write.record);
}

/** GET /api/investigations/:id/conclusions/:themeId/history — newest first. */
export async function conclusionHistory(ctx: InspectorContext, id: string, themeId: string) {
  const investigation = await findInvestigation(ctx, id);
  requireTheme(frameworkFor(ctx, investigation), themeId);
  return listChanges(ctx, investigation._id, subjectOf(themeId));
}

export function toConclusion(record: ConclusionRecord): Conclusion {
  return {
    themeId: record.themeId,
    goed: record.goed,
    beter: record.beter,
    revision: record.revision,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: {
      id: record.updatedBy.id,
      name: record.updatedBy.name,
      email: record.updatedBy.email,
    },
  };
}

function requireTheme(framework: Framework, themeId: string): void {
  if (!framework.themes.some((theme) => theme.id === themeId))
    throw new NotFoundError('unknown_theme', 'This investigation has no such theme');
}

const subjectOf = (themeId: string): HistorySubject => ({
  action: 'conclusion.updated',
  targetType: 'theme',
  targetId: themeId,
});
