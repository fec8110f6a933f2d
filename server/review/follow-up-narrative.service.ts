import type { Types } from 'mongoose';
import type { FollowUpNarrative, FollowUpNarrativeInput } from '../../shared/api/review.js';
import { ConflictError } from '../errors.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { FollowUpNarrativeRecord } from '../models/follow-up-narrative.model.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { UserRecord } from '../models/user.model.js';
import { listChanges, recordChange, type HistorySubject } from './history.js';
import { reviewedDocumentStore, writeRevisioned } from './revisioned-write.js';

/** What GET gives before anybody wrote a narrative: revision 0, so the first PUT creates it. */
const NOT_WRITTEN: FollowUpNarrative = { text: '', revision: 0, updatedAt: null, updatedBy: null };

/** GET /api/investigations/:id/follow-up-narrative — only a follow-up round has one. */
export async function getFollowUpNarrative(ctx: InspectorContext, id: string): Promise<FollowUpNarrative> {
  const investigation = await findFollowUp(ctx, id);
  return (await findNarrative(ctx, investigation._id)) ?? NOT_WRITTEN;
}

/** The narrative for the review page: null for a baseline investigation (it has none). */
export async function narrativeOf(
  ctx: InspectorContext,
  investigation: InvestigationRecord,
): Promise<FollowUpNarrative | null> {
  if (!isFollowUp(investigation)) return null;
  return (await findNarrative(ctx, investigation._id)) ?? NOT_WRITTEN;
}

/** PUT /api/investigations/:id/follow-up-narrative — the compare-and-set and history of conclusions. */
export async function putFollowUpNarrative(
  ctx: InspectorContext,
  id: string,
  input: FollowUpNarrativeInput,
  user: UserRecord,
): Promise<FollowUpNarrative> {
  const investigation = await findFollowUp(ctx, id);
  const content = { text: input.text };
  const write = await writeRevisioned<FollowUpNarrativeRecord>(
    reviewedDocumentStore({
      model: ctx.models.FollowUpNarrative,
      key: { investigation: investigation._id },
      content,
      user,
      now: ctx.now,
      unchanged: (current) => current.text === content.text,
      conflict: (current) =>
        new ConflictError(
          'narrative_conflict',
          'The follow-up narrative was changed by someone else; reload it and apply your change again',
          [{ current: current ? toNarrative(current) : null }],
        ),
    }),
    input.revision ?? 0,
  );
  if (write.changed) {
    await recordChange(ctx, {
      subject: subjectOf(investigation._id),
      investigation: investigation._id,
      user,
      before: write.before ? { text: write.before.text } : null,
      after: content,
      revision: write.record.revision,
    });
  }
  return toNarrative(write.record);
}

/** GET /api/investigations/:id/follow-up-narrative/history — newest first. */
export async function followUpNarrativeHistory(ctx: InspectorContext, id: string) {
  const investigation = await findFollowUp(ctx, id);
  return listChanges(ctx, investigation._id, subjectOf(investigation._id));
}

export function toNarrative(record: FollowUpNarrativeRecord): FollowUpNarrative {
  return {
    text: record.text,
    revision: record.revision,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: { id: record.updatedBy.id, name: record.updatedBy.name, email: record.updatedBy.email },
  };
}

/**
 * A baseline investigation exists and the request is well-formed, but its round has no "Ontwikkeling"
 * section: 409, the same answer whatever the body, like other "not in this state" replies.
 */
async function findFollowUp(ctx: InspectorContext, id: string): Promise<InvestigationRecord> {
  const investigation = await findInvestigation(ctx, id);
  if (!isFollowUp(investigation))
    throw new ConflictError(
      'not_a_follow_up',
      'Only a follow-up investigation has a narrative on how the improvement points were taken up',
    );
  return investigation;
}

function isFollowUp(investigation: InvestigationRecord): boolean {
  return (investigation.followUp?.baselines.length ?? 0) > 0;
}

function findNarrative(ctx: InspectorContext, investigation: Types.ObjectId) {
  return ctx.models.FollowUpNarrative.findOne({ investigation })
    .lean<FollowUpNarrativeRecord>()
    .then((record) => (record ? toNarrative(record) : null));
}

const subjectOf = (investigation: Types.ObjectId): HistorySubject => ({
  action: 'follow_up_narrative.updated',
  targetType: 'investigation',
  targetId: investigation.toString(),
});
