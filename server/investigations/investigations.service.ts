import mongoose, { type Types } from 'mongoose';
import { NotFoundError } from '../errors.js';
import { userActor } from '../audit/audit.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { UserRecord } from '../models/user.model.js';
import { listDocuments } from './documents.service.js';
import type { InspectorContext } from './inspector.context.js';
import type {
  CreateInvestigationBody,
  InvestigationDetail,
  InvestigationSummary,
  UpdateInvestigationBody,
} from '../../shared/api/investigations.js';
import { respondentStatuses, type Respondent, type RespondentStatus } from '../../shared/api/respondents.js';
import type { ListInvestigationsQuery } from './investigations.schemas.js';
import { respondentViews } from './respondent-view.js';
import { followUpInfo } from '../follow-up/follow-up-info.js';
import { checkContactUser, contactPeople } from './contact-person.js';
import { dayInAmsterdam } from '../../shared/amsterdam-day.js';
import { deadlineFromInput } from './deadline-day.js';
import type { ContactPerson, FollowUpIndicator } from '../../shared/api/investigations.js';
import type { Framework } from '../framework/framework.schema.js';

export async function findInvestigation(
  ctx: InspectorContext,
  id: string | Types.ObjectId,
): Promise<InvestigationRecord> {
  const investigation = mongoose.isValidObjectId(id)
    ? await ctx.models.Investigation.findById(id).lean<InvestigationRecord>()
    : null;
  if (!investigation) throw new NotFoundError('investigation_not_found', 'Investigation not found');
  return investigation;
}

export async function createInvestigation(
  ctx: InspectorContext,
  body: CreateInvestigationBody,
  actor: UserRecord,
): Promise<InvestigationSummary> {
  const contactUser = body.contactUserId ? await checkContactUser(ctx.models, body.contactUserId) : actor._id;
  const created = await ctx.models.Investigation.create({
    municipality: body.municipality,
    approach: body.approach,
    year: body.year,
    ...(body.deadline ? { deadline: deadlineFromInput(body.deadline) } : {}),
    contactUser,
  });
  const investigation = created.toObject<InvestigationRecord>();
  await ctx.audit.record({
    actor: userActor(actor),
    action: 'investigation_created',
    target: { type: 'investigation', id: investigation._id.toString() },
    investigation: investigation._id,
    details: { municipality: body.municipality, approach: body.approach, year: body.year },
  });
  return summarise(investigation, [], await contactPeople(ctx.models, [investigation.contactUser]));
}

export async function updateInvestigation(
  ctx: InspectorContext,
  id: string,
  body: UpdateInvestigationBody,
  actor: UserRecord,
): Promise<InvestigationSummary> {
  await findInvestigation(ctx, id);
  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  if (body.status) set.status = body.status;
  if (body.deadline === null) unset.deadline = 1;
  else if (body.deadline) set.deadline = deadlineFromInput(body.deadline);
  if (body.contactUserId) set.contactUser = await checkContactUser(ctx.models, body.contactUserId);
  const updated = await ctx.models.Investigation.findOneAndUpdate(
    { _id: id },
    {
      ...(Object.keys(set).length ? { $set: set } : {}),
      ...(Object.keys(unset).length ? { $unset: unset } : {}),
    },
    { returnDocument: 'after' },
  ).lean<InvestigationRecord>();
  if (!updated) throw new NotFoundError('investigation_not_found', 'Investigation not found');
  await ctx.audit.record({
    actor: userActor(actor),
    action: 'investigation_updated',
    target: { type: 'investigation', id },
    investigation: updated._id,
    details: { ...body },
  });
  const views = await respondentViews(ctx.models, [updated._id]);
  return summarise(updated, views.get(id) ?? [], await contactPeople(ctx.models, [updated.contactUser]));
}

export async function listInvestigations(
  ctx: InspectorContext,
  query: ListInvestigationsQuery,
): Promise<InvestigationSummary[]> {
  const filter: Record<string, unknown> = {};
  if (query.year !== undefined) filter.year = query.year;
  if (query.status) filter.status = query.status;
  if (query.q) {
    const pattern = mongoose.trusted({ $regex: escapeRegex(query.q), $options: 'i' });
    filter.$or = [{ municipality: pattern }, { approach: pattern }];
  }
  const investigations = await ctx.models.Investigation.find(filter)
    .sort({ year: -1, createdAt: -1 })
    .limit(1000)
    .lean<InvestigationRecord[]>();
  const [views, contacts] = await Promise.all([
    respondentViews(
      ctx.models,
      investigations.map((i) => i._id),
    ),
    contactPeople(
      ctx.models,
      investigations.map((i) => i.contactUser),
    ),
  ]);
  return investigations.map((i) => summarise(i, views.get(i._id.toString()) ?? [], contacts));
}

export async function getInvestigation(ctx: InspectorContext, id: string): Promise<InvestigationDetail> {
  const investigation = await findInvestigation(ctx, id);
  const [views, documents, contacts] = await Promise.all([
    respondentViews(ctx.models, [investigation._id]),
    listDocuments(ctx, investigation._id),
    contactPeople(ctx.models, [investigation.contactUser]),
  ]);
  const respondents = views.get(investigation._id.toString()) ?? [];
  const framework = ctx.respond?.questionnaires.framework;
  const followUpIndicators =
    investigation.followUp && framework ? indicatorTexts(framework, investigation.followUp.indicatorIds) : [];
  return {
    ...summarise(investigation, respondents, contacts),
    respondents,
    documents,
    ...(followUpIndicators.length ? { followUpIndicators } : {}),
  };
}

function indicatorTexts(framework: Framework, ids: readonly string[]): FollowUpIndicator[] {
  const wanted = new Set(ids);
  return framework.themes.flatMap((theme) =>
    theme.criteria.flatMap((criterion) =>
      criterion.indicators
        .filter((indicator) => wanted.has(indicator.id))
        .map((indicator) => ({ id: indicator.id, theme: theme.title, text: indicator.text })),
    ),
  );
}

function summarise(
  investigation: InvestigationRecord,
  respondents: Respondent[],
  contacts: Map<string, ContactPerson>,
): InvestigationSummary {
  const contact = investigation.contactUser ? contacts.get(investigation.contactUser.toString()) : undefined;
  const counts = Object.fromEntries(respondentStatuses.map((s) => [s, 0])) as Record<
    RespondentStatus,
    number
  >;
  let lastActivity: string | undefined;
  let remindersSent = 0;
  for (const r of respondents) {
    counts[r.status] += 1;
    remindersSent += r.remindersSent;
    if (r.lastActivityAt && (!lastActivity || r.lastActivityAt > lastActivity))
      lastActivity = r.lastActivityAt;
  }
  return {
    id: investigation._id.toString(),
    municipality: investigation.municipality,
    approach: investigation.approach,
    year: investigation.year,
    status: investigation.status,
    ...(investigation.deadline
      ? {
          deadline: investigation.deadline.toISOString(),
          deadlineDay: dayInAmsterdam(investigation.deadline),
        }
      : {}),
    ...(contact ? { contact } : {}),
    createdAt: investigation.createdAt.toISOString(),
    respondentCounts: { total: respondents.length, ...counts },
    respondents: respondents.map(({ id, role, organisation, status, progress, revoked }) => ({
      id,
      role,
      organisation,
      status,
      progress,
      revoked,
    })),
    ...(lastActivity ? { lastActivityAt: lastActivity } : {}),
    remindersSent,
    followUp: followUpInfo(investigation.followUp),
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
