import mongoose, { type Types } from 'mongoose';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import type { RespondContext } from './respond.context.js';
import { createRespondentInputSchema, type CreateRespondentInput } from './respond.schemas.js';
import { generateToken, hashToken, respondentLink } from './token.js';

/**
 * Inspector-side operations on respondents. The inspector routes call these; the link (with its token)
 * is returned only by createRespondent and reissueLink and never stored.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type IssuedLink = { respondent: RespondentRecord; link: string };

export async function createRespondent(
  ctx: RespondContext,
  investigationId: Types.ObjectId | string,
  input: CreateRespondentInput,
): Promise<IssuedLink> {
  const parsed = createRespondentInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new BadRequestError(
      'invalid_body',
      'Invalid respondent',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const { role, organisation, contactName, email } = parsed.data;
  const investigation = await findInvestigation(ctx, investigationId);
  const questionnaire = ctx.questionnaires.currentFor(role);
  if (!questionnaire) {
    throw new ConflictError('no_questionnaire', `The framework defines no questionnaire for role ${role}`);
  }
  const slots = role === 'gemeente' ? [0] : range(1, ctx.questionnaires.framework.maxPartners);
  const now = ctx.now();

  for (const slot of await freeSlots(ctx, investigation._id, slots)) {
    const token = generateToken();
    try {
      const created = await ctx.models.Respondent.create({
        investigation: investigation._id,
        role,
        slot,
        organisation,
        ...(contactName ? { contactName } : {}),
        email,
        tokenHash: hashToken(token),
        tokenIssuedAt: now,
        expiresAt: linkExpiry(ctx, investigation, now),
        questionnaireId: questionnaire.id,
        questionnaireVersion: questionnaire.version,
        indicatorScope: investigation.followUp?.indicatorIds ?? null,
      });
      const respondent = created.toObject<RespondentRecord>();
      await createEmptyResponse(ctx, respondent);
      return { respondent, link: respondentLink(ctx.config.PUBLIC_URL, token) };
    } catch (err) {
      // Another create took this slot between our read and our insert: try the next free one.
      if (isDuplicateKey(err, 'slot')) continue;
      throw err;
    }
  }
  throw new ConflictError(
    'respondent_limit',
    role === 'gemeente'
      ? 'This investigation already has a municipality respondent'
      : `This investigation already has ${ctx.questionnaires.framework.maxPartners} partner respondents`,
  );
}

/** A new link for the respondent; replacing the hash makes the old link invalid at once. */
export async function reissueLink(
  ctx: RespondContext,
  respondentId: Types.ObjectId | string,
): Promise<IssuedLink> {
  const existing = await ctx.models.Respondent.findById(respondentId).lean<RespondentRecord>();
  if (!existing) throw new NotFoundError('respondent_not_found', 'Respondent not found');
  const investigation = await findInvestigation(ctx, existing.investigation);
  const token = generateToken();
  const now = ctx.now();
  const respondent = await ctx.models.Respondent.findOneAndUpdate(
    { _id: existing._id },
    {
      $set: {
        tokenHash: hashToken(token),
        tokenIssuedAt: now,
        revokedAt: null,
        expiresAt: linkExpiry(ctx, investigation, now),
      },
    },
    { returnDocument: 'after' },
  ).lean<RespondentRecord>();
  if (!respondent) throw new NotFoundError('respondent_not_found', 'Respondent not found');
  return { respondent, link: respondentLink(ctx.config.PUBLIC_URL, token) };
}

/**
 * Whether the respondent's current link has been opened. Such a link may be open in a tab or shared with
 * colleagues, so a reminder must not replace it (the open tab would lose its next autosave).
 */
export function isCurrentLinkInUse(
  respondent: Pick<RespondentRecord, 'tokenIssuedAt' | 'tokenOpenedAt' | 'openedAt'>,
): boolean {
  // Respondents from before tokenOpenedAt existed: their first opening tells whether this link was used.
  const opened = respondent.tokenOpenedAt ?? respondent.openedAt;
  return Boolean(opened && opened >= respondent.tokenIssuedAt);
}

/**
 * A new link for a reminder, only while the respondent is still due one: not revoked, not submitted and
 * still holding the link `current` was read with. Null when any of that changed meanwhile (a revoke or a
 * submit racing the reminder must win).
 */
export async function reissueLinkForReminder(
  ctx: RespondContext,
  current: RespondentRecord,
): Promise<IssuedLink | null> {
  const investigation = await findInvestigation(ctx, current.investigation);
  const token = generateToken();
  const now = ctx.now();
  const respondent = await ctx.models.Respondent.findOneAndUpdate(
    { _id: current._id, tokenHash: current.tokenHash, revokedAt: null, submittedAt: null },
    {
      $set: {
        tokenHash: hashToken(token),
        tokenIssuedAt: now,
        expiresAt: linkExpiry(ctx, investigation, now),
      },
    },
    { returnDocument: 'after' },
  ).lean<RespondentRecord>();
  return respondent ? { respondent, link: respondentLink(ctx.config.PUBLIC_URL, token) } : null;
}

/** The link stops working; answers stay. Reissuing gives the respondent a new working link. */
export async function revokeRespondent(
  ctx: RespondContext,
  respondentId: Types.ObjectId | string,
): Promise<void> {
  const result = await ctx.models.Respondent.updateOne(
    { _id: respondentId },
    { $set: { revokedAt: ctx.now() } },
  );
  if (result.matchedCount === 0) throw new NotFoundError('respondent_not_found', 'Respondent not found');
}

/** Makes a submitted response editable again (the revision moves on, so stale clients get a 409). */
export async function reopenResponse(
  ctx: RespondContext,
  respondentId: Types.ObjectId | string,
): Promise<void> {
  const id = new mongoose.Types.ObjectId(respondentId);
  const reopened = await ctx.models.Response.updateOne(
    { respondent: id, status: 'ingediend' },
    { $set: { status: 'concept', submittedAt: null, reopenedAt: ctx.now() }, $inc: { revision: 1 } },
  );
  if (reopened.matchedCount === 0) {
    const exists = await ctx.models.Response.exists({ respondent: id });
    if (!exists) throw new NotFoundError('respondent_not_found', 'Respondent not found');
    throw new ConflictError('not_submitted', 'The response has not been submitted');
  }
  await ctx.models.Respondent.updateOne({ _id: id }, { $set: { submittedAt: null } });
}

async function createEmptyResponse(ctx: RespondContext, respondent: RespondentRecord): Promise<void> {
  try {
    await ctx.models.Response.create({
      respondent: respondent._id,
      investigation: respondent.investigation,
      questionnaireId: respondent.questionnaireId,
      questionnaireVersion: respondent.questionnaireVersion,
      data: {},
    });
  } catch (err) {
    // Without its response the respondent is unusable and would hold a slot: undo.
    await ctx.models.Respondent.deleteOne({ _id: respondent._id });
    throw err;
  }
}

async function findInvestigation(
  ctx: RespondContext,
  investigationId: Types.ObjectId | string,
): Promise<InvestigationRecord> {
  const investigation = mongoose.isValidObjectId(investigationId)
    ? await ctx.models.Investigation.findById(investigationId).lean<InvestigationRecord>()
    : null;
  if (!investigation) throw new NotFoundError('investigation_not_found', 'Investigation not found');
  return investigation;
}

/** The candidate slots not yet taken, lowest first (the unique index arbitrates races). */
async function freeSlots(
  ctx: RespondContext,
  investigation: Types.ObjectId,
  candidates: number[],
): Promise<number[]> {
  const taken = await ctx.models.Respondent.find(
    { investigation, slot: mongoose.trusted({ $in: candidates }) },
    { slot: 1 },
  ).lean<{ slot: number }[]>();
  const used = new Set(taken.map((r) => r.slot));
  return candidates.filter((slot) => !used.has(slot));
}

function linkExpiry(ctx: RespondContext, investigation: InvestigationRecord, now: Date): Date {
  return (
    investigation.linkExpiresAt ?? new Date(now.getTime() + ctx.config.RESPONDENT_LINK_TTL_DAYS * DAY_MS)
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** E11000 on an index containing `field` (Mongoose passes the server's keyPattern through). */
function isDuplicateKey(err: unknown, field: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, keyPattern } = err as { code?: unknown; keyPattern?: unknown };
  return code === 11000 && typeof keyPattern === 'object' && keyPattern !== null && field in keyPattern;
}
