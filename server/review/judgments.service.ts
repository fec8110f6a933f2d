import type { Types } from 'mongoose';
import type { Judgment, JudgmentInput } from '../../shared/api/review.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { JudgmentRecord } from '../models/judgment.model.js';
import type { UserRecord } from '../models/user.model.js';
import { frameworkFor } from './analysis.service.js';
import { listChanges, recordChange, type HistorySubject } from './history.js';
import { reviewedDocumentStore, writeRevisioned } from './revisioned-write.js';

/** The inspector's judgments of an investigation, by indicator id. */
export async function listJudgments(
  ctx: InspectorContext,
  investigationId: Types.ObjectId | string,
): Promise<Judgment[]> {
  const records = await ctx.models.Judgment.find({ investigation: investigationId })
    .sort({ indicatorId: 1 })
    .lean<JudgmentRecord[]>();
  return records.map(toJudgment);
}

/** PUT /api/investigations/:id/judgments/:indicatorId — compare-and-set on `revision`, history in the audit log. */
export async function putJudgment(
  ctx: InspectorContext,
  id: string,
  indicatorId: string,
  input: JudgmentInput,
  user: UserRecord,
): Promise<Judgment> {
  const investigation = await findInvestigation(ctx, id);
  requireIndicator(frameworkFor(ctx, investigation), indicatorId);
  const content = { verdict: input.verdict, letOp: input.letOp || null, finding: input.finding };
  const key = { investigation: investigation._id, indicatorId };
  const write = await writeRevisioned<JudgmentRecord>(
    reviewedDocumentStore({
      model: ctx.models.Judgment,
      key,
      content,
      user,
      now: ctx.now,
      unchanged: (current) => sameContent(contentOf(current), content),
      conflict: (current) =>
        new ConflictError(
          'judgment_conflict',
          'The judgment was changed by someone else; reload it and apply your change again',
          [{ current: current ? toJudgment(current) : null }],
        ),
    }),
    input.revision ?? 0,
  );
  if (write.changed) {
    await recordChange(ctx, {
      subject: subjectOf(indicatorId),
      investigation: investigation._id,
      user,
      before: write.before ? contentOf(write.before) : null,
      after: content,
      revision: write.record.revision,
    });
  }
  return toJudgment(write.record);
}

/** GET /api/investigations/:id/judgments/:indicatorId/history — newest first. */
export async function judgmentHistory(ctx: InspectorContext, id: string, indicatorId: string) {
  const investigation = await findInvestigation(ctx, id);
  requireIndicator(frameworkFor(ctx, investigation), indicatorId);
  return listChanges(ctx, investigation._id, subjectOf(indicatorId));
}

export function toJudgment(record: JudgmentRecord): Judgment {
  return {
    indicatorId: record.indicatorId,
    verdict: record.verdict,
    letOp: record.letOp ?? null,
    finding: record.finding,
    revision: record.revision,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: {
      id: record.updatedBy.id,
      name: record.updatedBy.name,
      email: record.updatedBy.email,
    },
  };
}

function requireIndicator(framework: Framework, indicatorId: string): void {
  const known = framework.themes.some((theme) =>
    theme.criteria.some((criterion) => criterion.indicators.some((i) => i.id === indicatorId)),
  );
  if (!known) throw new NotFoundError('unknown_indicator', 'This investigation has no such indicator');
}

const subjectOf = (indicatorId: string): HistorySubject => ({
  action: 'judgment.updated',
  targetType: 'indicator',
  targetId: indicatorId,
});

type JudgmentContent = Pick<JudgmentRecord, 'verdict' | 'letOp' | 'finding'>;

function contentOf(record: JudgmentRecord): JudgmentContent {
  return { verdict: record.verdict, letOp: record.letOp ?? null, finding: record.finding };
}

function sameContent(a: JudgmentContent, b: JudgmentContent): boolean {
  return a.verdict === b.verdict && a.letOp === b.letOp && a.finding === b.finding;
}
