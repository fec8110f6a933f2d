import { z } from 'zod';
import { AppError, ConflictError } from '../errors.js';
import { userActor } from '../audit/audit.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import type { UserRecord } from '../models/user.model.js';
import type { RespondContext } from '../respond/respond.context.js';
import { createRespondent } from '../respond/respondents.service.js';
import type { InspectorContext } from './inspector.context.js';
import type { ConfirmNominationsReply, Nomination, NominationList } from '../../shared/api/nominations.js';
import { findInvestigation } from './investigations.service.js';
import { inviteWithLink } from './respondent-actions.service.js';

const emailSchema = z.email().max(254);

/**
 * The partners the municipality named, read from its latest answers (draft or submitted) through the
 * framework's `partnerNominations` binding: which panel, which fields. No question name lives in code.
 */
export async function listNominations(
  ctx: InspectorContext,
  respond: RespondContext,
  investigationId: string,
): Promise<NominationList> {
  const investigation = await findInvestigation(ctx, investigationId);
  const binding = respond.questionnaires.framework.context.bindings.partnerNominations;
  const max = Math.min(binding?.max ?? 0, respond.questionnaires.framework.maxPartners);
  if (!binding) return { max, items: [] };
  const municipality = await ctx.models.Respondent.findOne({
    investigation: investigation._id,
    role: 'gemeente',
  }).lean<RespondentRecord>();
  const response = municipality
    ? await ctx.models.Response.findOne({ respondent: municipality._id }, { data: 1 }).lean<{
        data: Record<string, unknown>;
      }>()
    : null;
  const panels = response?.data[binding.question];
  if (!Array.isArray(panels)) return { max, items: [] };
  const partners = await ctx.models.Respondent.find({
    investigation: investigation._id,
    role: 'netwerkpartner',
  }).lean<RespondentRecord[]>();
  const items: Nomination[] = [];
  panels.forEach((panel: unknown, index) => {
    if (typeof panel !== 'object' || panel === null) return;
    const fields = panel as Record<string, unknown>;
    const organisation = text(fields[binding.organisation]);
    if (!organisation) return;
    const contactName = text(fields[binding.contactName]);
    const email = text(fields[binding.email])?.toLowerCase();
    const existing = partners.find(
      (p) =>
        p.organisation.toLowerCase() === organisation.toLowerCase() ||
        (email !== undefined && p.email === email),
    );
    items.push({
      index,
      organisation,
      ...(contactName ? { contactName } : {}),
      ...(email ? { email } : {}),
      ...(existing ? { respondentId: existing._id.toString() } : {}),
    });
  });
  return { max, items };
}

/**
 * Creates partner respondents for the chosen nominations and mails their invitations. The limit is the
 * respondent service's (a unique slot index): when it is reached the rest is skipped, and when nothing
 * could be created the request fails with 409 respondent_limit.
 */
export async function confirmNominations(
  ctx: InspectorContext,
  respond: RespondContext,
  investigationId: string,
  indexes: number[],
  actor: UserRecord,
): Promise<ConfirmNominationsReply> {
  const { items } = await listNominations(ctx, respond, investigationId);
  const reply: ConfirmNominationsReply = { created: [], skipped: [] };
  let limitError: AppError | undefined;
  for (const index of [...new Set(indexes)]) {
    const nomination = items.find((n) => n.index === index);
    if (!nomination) reply.skipped.push({ index, reason: 'not_found' });
    else if (nomination.respondentId) reply.skipped.push({ index, reason: 'already_created' });
    else if (!nomination.email || !emailSchema.safeParse(nomination.email).success)
      reply.skipped.push({ index, reason: 'no_email' });
    else if (limitError) reply.skipped.push({ index, reason: 'respondent_limit' });
    else {
      try {
        const { respondent, link } = await createRespondent(respond, investigationId, {
          role: 'netwerkpartner',
          organisation: nomination.organisation,
          ...(nomination.contactName ? { contactName: nomination.contactName } : {}),
          email: nomination.email,
        });
        await inviteWithLink(ctx, respondent, link, actor);
        reply.created.push({ index, id: respondent._id.toString(), link });
      } catch (err) {
        if (!(err instanceof ConflictError) || err.code !== 'respondent_limit') throw err;
        limitError = err;
        reply.skipped.push({ index, reason: 'respondent_limit' });
      }
    }
  }
  if (limitError && reply.created.length === 0) throw limitError;
  await ctx.audit.record({
    actor: userActor(actor),
    action: 'nominations_confirmed',
    target: { type: 'investigation', id: investigationId },
    investigation: investigationId,
    details: { created: reply.created.map((c) => c.id), skipped: reply.skipped },
  });
  return reply;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
