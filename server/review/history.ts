import type { Types } from 'mongoose';
import type { z } from 'zod';
import type { Change, changeHistorySchema } from '../../shared/api/review.js';
import { userActor } from '../audit/audit.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { AuditEntryRecord } from '../models/audit-entry.model.js';
import type { UserRecord } from '../models/user.model.js';

/** A judgment or conclusion in the audit log: `judgment.updated` on target `indicator`, and so on. */
export type HistorySubject = { action: string; targetType: string; targetId: string };

type Content = Record<string, unknown>;

/** Appends one change; the audit log is the history (the documents keep only their latest state). */
export async function recordChange(
  ctx: InspectorContext,
  input: {
    subject: HistorySubject;
    investigation: Types.ObjectId;
    user: UserRecord;
    before: Content | null;
    after: Content;
    revision: number;
  },
): Promise<void> {
  const { subject } = input;
  await ctx.audit.record({
    actor: userActor(input.user),
    action: subject.action,
    target: { type: subject.targetType, id: subject.targetId },
    investigation: input.investigation,
    details: { before: input.before, after: input.after, revision: input.revision },
  });
}

/** Every change of one judgment or conclusion, newest first. */
export async function listChanges(
  ctx: InspectorContext,
  investigation: Types.ObjectId,
  subject: HistorySubject,
): Promise<z.infer<typeof changeHistorySchema>> {
  const entries = await ctx.models.AuditEntry.find({
    investigation,
    action: subject.action,
    'target.type': subject.targetType,
    'target.id': subject.targetId,
  })
    // Entries written in the same millisecond keep their order through the ObjectId.
    .sort({ at: -1, _id: -1 })
    .lean<AuditEntryRecord[]>();
  return { items: entries.map(toChange) };
}

function toChange(entry: AuditEntryRecord): Change {
  const details = entry.details ?? {};
  return {
    at: entry.at.toISOString(),
    by: { email: entry.actor.email ?? null },
    before: asContent(details.before),
    after: asContent(details.after) ?? {},
  };
}

function asContent(value: unknown): Content | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Content) : null;
}
