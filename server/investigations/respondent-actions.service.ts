import mongoose, { type Types } from 'mongoose';
import { ConflictError, NotFoundError } from '../errors.js';
import { userActor } from '../audit/audit.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import type { UserRecord } from '../models/user.model.js';
import type { RespondContext } from '../respond/respond.context.js';
import {
  createRespondent,
  reissueLink,
  isCurrentLinkInUse,
  reissueLinkForReminder,
  reopenResponse,
  revokeRespondent,
} from '../respond/respondents.service.js';
import type { InspectorContext } from './inspector.context.js';
import type {
  AddRespondentBody,
  AddRespondentReply,
  Respondent,
  RespondentAction,
  RespondentActionReply,
} from '../../shared/api/respondents.js';
import { findInvestigation } from './investigations.service.js';
import { sendInvitation, sendReminder } from './invitations.js';
import { respondentViews } from './respondent-view.js';

export async function viewOf(ctx: InspectorContext, respondent: RespondentRecord): Promise<Respondent> {
  const views = await respondentViews(ctx.models, [respondent.investigation]);
  const view = views
    .get(respondent.investigation.toString())
    ?.find((v) => v.id === respondent._id.toString());
  if (!view) throw new NotFoundError('respondent_not_found', 'Respondent not found');
  return view;
}

/** POST /api/investigations/:id/respondents — the link is returned here (and on reissue) only. */
export async function addRespondent(
  ctx: InspectorContext,
  respond: RespondContext,
  investigationId: string,
  body: AddRespondentBody,
  actor: UserRecord,
): Promise<AddRespondentReply> {
  const investigation = await findInvestigation(ctx, investigationId);
  const { invite, ...input } = body;
  const { respondent, link } = await createRespondent(respond, investigation._id, input);
  await ctx.audit.record({
    actor: userActor(actor),
    action: 'respondent_created',
    target: { type: 'respondent', id: respondent._id.toString() },
    investigation: investigation._id,
    details: { role: respondent.role, organisation: respondent.organisation },
  });
  if (invite) await inviteWithLink(ctx, respondent, link, actor);
  return { id: respondent._id.toString(), link, respondent: await viewOf(ctx, respondent) };
}

export async function inviteWithLink(
  ctx: InspectorContext,
  respondent: RespondentRecord,
  link: string,
  actor: UserRecord,
): Promise<void> {
  const investigation = await findInvestigation(ctx, respondent.investigation);
  const message = await sendInvitation(ctx, respondent, investigation, link);
  await ctx.audit.record({
    actor: userActor(actor),
    action: 'respondent_invited',
    target: { type: 'respondent', id: respondent._id.toString() },
    investigation: investigation._id,
    details: { mail: message._id.toString(), status: message.status },
  });
}

/** Runs one of invite/remind/reissue/revoke/reopen on a respondent of this investigation. */
export async function runRespondentAction(
  ctx: InspectorContext,
  respond: RespondContext,
  investigationId: string,
  respondentId: string,
  action: RespondentAction,
  actor: UserRecord,
): Promise<RespondentActionReply> {
  const existing = await findRespondent(ctx, investigationId, respondentId);
  const audit = (name: string, details?: Record<string, unknown>) =>
    ctx.audit.record({
      actor: userActor(actor),
      action: name,
      target: { type: 'respondent', id: respondentId },
      investigation: existing.investigation,
      ...(details ? { details } : {}),
    });
  switch (action) {
    case 'invite': {
      // Only token hashes are stored, so an invitation needs a fresh link (the previous one stops working).
      const { respondent, link } = await reissueLink(respond, existing._id);
      await inviteWithLink(ctx, respondent, link, actor);
      return { respondent: await viewOf(ctx, respondent), link };
    }
    case 'remind': {
      if (existing.submittedAt)
        throw new ConflictError('already_submitted', 'The response has already been submitted');
      // The inspector withdrew this link on purpose: a reminder must not quietly hand out a new one.
      if (existing.revokedAt)
        throw new ConflictError('link_revoked', 'The link was revoked; make a new link first');
      const investigation = await findInvestigation(ctx, existing.investigation);
      // Same rule as the reminder job: a link nobody opened yet (never sent, lost, or replaced without a
      // mail) is replaced by a fresh one in the mail; a link in use keeps working and is not replaced.
      const fresh = isCurrentLinkInUse(existing)
        ? undefined
        : await reissueLinkForReminder(respond, existing);
      if (fresh === null)
        throw new ConflictError(
          'respondent_changed',
          'The respondent was revoked, submitted or got a new link meanwhile',
        );
      const current = fresh?.respondent ?? existing;
      const message = await sendReminder(ctx, current, investigation, fresh?.link);
      await audit('respondent_reminded', {
        mail: message._id.toString(),
        status: message.status,
        newLink: Boolean(fresh),
      });
      return { respondent: await viewOf(ctx, current), ...(fresh ? { link: fresh.link } : {}) };
    }
    case 'reissue': {
      const { respondent, link } = await reissueLink(respond, existing._id);
      await audit('link_reissued');
      return { respondent: await viewOf(ctx, respondent), link };
    }
    case 'revoke': {
      await revokeRespondent(respond, existing._id);
      await audit('respondent_revoked');
      return { respondent: await viewOf(ctx, await reload(ctx, existing._id)) };
    }
    case 'reopen': {
      await reopenResponse(respond, existing._id);
      await audit('response_reopened');
      return { respondent: await viewOf(ctx, await reload(ctx, existing._id)) };
    }
    default: {
      const never: never = action;
      throw new NotFoundError('not_found', `Unknown action ${String(never)}`);
    }
  }
}

async function findRespondent(
  ctx: InspectorContext,
  investigationId: string,
  respondentId: string,
): Promise<RespondentRecord> {
  const found =
    mongoose.isValidObjectId(investigationId) && mongoose.isValidObjectId(respondentId)
      ? await ctx.models.Respondent.findOne({
          _id: respondentId,
          investigation: investigationId,
        }).lean<RespondentRecord>()
      : null;
  if (!found) {
    await findInvestigation(ctx, investigationId);
    throw new NotFoundError('respondent_not_found', 'Respondent not found');
  }
  return found;
}

async function reload(ctx: InspectorContext, id: Types.ObjectId): Promise<RespondentRecord> {
  const respondent = await ctx.models.Respondent.findById(id).lean<RespondentRecord>();
  if (!respondent) throw new NotFoundError('respondent_not_found', 'Respondent not found');
  return respondent;
}
