import type { Types } from 'mongoose';
import { factsheetSchema, type Factsheet, type FactsheetSummary } from '../../shared/api/review.js';
import { userActor } from '../audit/audit.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { UserRecord } from '../models/user.model.js';
import { buildSnapshot, type BuiltSnapshot } from './build-snapshot.js';
import { loadPublishedSnapshot, loadSnapshotInput } from './load-snapshot-input.js';
import { snapshotContentKey } from './snapshot-content.js';

/** Concurrent publishes each lose at most one race per rival; more than this means something is wrong. */
const MAX_ATTEMPTS = 8;

/**
 * Publishes the current judgments as the next numbered version. The number is claimed by the unique
 * index (investigation, version): a publish that loses the race reads the winner and either takes the
 * next number or, when the winner already says the same, reports `no_changes`.
 */
export async function publishFactsheet(
  ctx: InspectorContext,
  framework: Framework,
  investigationId: string,
  user: UserRecord,
): Promise<{ version: number; publishedAt: string }> {
  const investigation = await findInvestigation(ctx, investigationId);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const newest = await newestRecord(ctx, investigation._id);
    const publishedAt = ctx.now();
    const input = await loadSnapshotInput(ctx.models, framework, investigation, {
      version: (newest?.version ?? 0) + 1,
      publishedAt: publishedAt.toISOString(),
      publishedBy: { name: user.name, email: user.email },
    });
    const { factsheet, missing } = buildSnapshot(input);
    if (missing.length > 0)
      throw new ConflictError(
        'judgments_incomplete',
        'Every indicator needs a judgment before the factsheet can be published',
        missing.map((indicatorId) => ({ indicatorId })),
      );
    if (
      newest &&
      snapshotContentKey(factsheetSchema.parse(newest.snapshot)) === snapshotContentKey(factsheet)
    )
      throw new ConflictError('no_changes', 'Nothing changed since the newest published version');
    try {
      await ctx.models.Factsheet.create({
        investigation: investigation._id,
        version: factsheet.version,
        snapshot: factsheet,
        publishedAt,
      });
    } catch (err) {
      if (isDuplicateKey(err)) continue;
      throw err;
    }
    await ctx.audit.record({
      actor: userActor(user),
      action: 'factsheet.published',
      target: { type: 'investigation', id: investigation._id.toString() },
      investigation: investigation._id,
      details: { version: factsheet.version },
    });
    return { version: factsheet.version, publishedAt: factsheet.publishedAt };
  }
  throw new ConflictError('publish_contention', 'Too many simultaneous publishes; try again');
}

/** The versions of an investigation, newest first. */
export async function listFactsheets(
  ctx: InspectorContext,
  investigationId: string,
): Promise<FactsheetSummary[]> {
  const investigation = await findInvestigation(ctx, investigationId);
  const records = await ctx.models.Factsheet.find({ investigation: investigation._id })
    .sort({ version: -1 })
    .lean();
  return records.map((record) => {
    const sheet = factsheetSchema.parse(record.snapshot);
    return {
      version: sheet.version,
      kind: sheet.kind,
      publishedAt: sheet.publishedAt,
      publishedBy: sheet.publishedBy,
    };
  });
}

/** One published version; a version that is not a positive integer cannot exist either. */
export async function getFactsheet(
  ctx: InspectorContext,
  investigationId: string,
  version: string,
): Promise<Factsheet> {
  const investigation = await findInvestigation(ctx, investigationId);
  const number = /^[1-9][0-9]{0,8}$/.test(version) ? Number(version) : null;
  const sheet = number === null ? null : await loadPublishedSnapshot(ctx.models, investigation._id, number);
  if (!sheet) throw new NotFoundError('factsheet_not_found', 'Factsheet version not found');
  return sheet;
}

/** The factsheet as it would be published now, unsaved (missing judgments included). */
export async function previewFactsheet(
  ctx: InspectorContext,
  framework: Framework,
  investigationId: string,
  user: UserRecord,
): Promise<BuiltSnapshot> {
  const investigation = await findInvestigation(ctx, investigationId);
  const newest = await newestRecord(ctx, investigation._id);
  const input = await loadSnapshotInput(ctx.models, framework, investigation, {
    version: (newest?.version ?? 0) + 1,
    publishedAt: ctx.now().toISOString(),
    publishedBy: { name: user.name, email: user.email },
  });
  return buildSnapshot(input);
}

async function newestRecord(ctx: InspectorContext, investigation: Types.ObjectId) {
  return ctx.models.Factsheet.findOne({ investigation }).sort({ version: -1 }).lean();
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
