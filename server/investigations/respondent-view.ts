import mongoose, { type Types } from 'mongoose';
import type { Models } from '../models/index.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import type { Respondent, RespondentStatus } from '../../shared/api/respondents.js';

type MailStats = { invitedAt?: Date; remindersSent: number };

/** Status as the dashboard shows it; later stages win (a submitted respondent was also invited). */
export function respondentStatus(respondent: RespondentRecord, invited: boolean): RespondentStatus {
  if (respondent.submittedAt) return 'ingediend';
  if (respondent.startedAt) return 'bezig';
  if (respondent.openedAt) return 'geopend';
  if (invited) return 'uitgenodigd';
  return 'niet_uitgenodigd';
}

/**
 * "Invited at" and "reminders sent" come from the outbox: a message that failed does not count, one that
 * is only stored (no SMTP, demo) does — the inspector sees it in "Uitgaande e-mail".
 */
export async function mailStatsFor(
  models: Models,
  investigations: Types.ObjectId[],
): Promise<Map<string, MailStats>> {
  const messages = await models.MailMessage.find(
    {
      investigation: mongoose.trusted({ $in: investigations }),
      kind: mongoose.trusted({ $in: ['invitation', 'reminder'] }),
      status: mongoose.trusted({ $in: ['stored', 'sent', 'pending'] }),
    },
    { respondent: 1, kind: 1, createdAt: 1 },
  ).lean<{ respondent?: Types.ObjectId | null; kind: string; createdAt: Date }[]>();
  const stats = new Map<string, MailStats>();
  for (const message of messages) {
    if (!message.respondent) continue;
    const key = message.respondent.toString();
    const entry = stats.get(key) ?? { remindersSent: 0 };
    if (message.kind === 'reminder') entry.remindersSent += 1;
    else if (!entry.invitedAt || message.createdAt < entry.invitedAt) entry.invitedAt = message.createdAt;
    stats.set(key, entry);
  }
  return stats;
}

export function toRespondentView(
  respondent: RespondentRecord,
  progress: number,
  stats: MailStats | undefined,
): Respondent {
  return {
    id: respondent._id.toString(),
    role: respondent.role,
    organisation: respondent.organisation,
    ...(respondent.contactName ? { contactName: respondent.contactName } : {}),
    email: respondent.email,
    status: respondentStatus(respondent, Boolean(stats?.invitedAt)),
    progress: respondent.submittedAt ? 100 : progress,
    ...(respondent.lastActivityAt ? { lastActivityAt: respondent.lastActivityAt.toISOString() } : {}),
    ...(respondent.submittedAt ? { submittedAt: respondent.submittedAt.toISOString() } : {}),
    ...(stats?.invitedAt ? { invitedAt: stats.invitedAt.toISOString() } : {}),
    remindersSent: stats?.remindersSent ?? 0,
    revoked: Boolean(respondent.revokedAt),
    linkExpiresAt: respondent.expiresAt.toISOString(),
  };
}

/** Views of all respondents of the given investigations, grouped per investigation id. */
export async function respondentViews(
  models: Models,
  investigations: Types.ObjectId[],
): Promise<Map<string, Respondent[]>> {
  const [respondents, responses, stats] = await Promise.all([
    models.Respondent.find({ investigation: mongoose.trusted({ $in: investigations }) })
      .sort({ slot: 1 })
      .lean<RespondentRecord[]>(),
    models.Response.find(
      { investigation: mongoose.trusted({ $in: investigations }) },
      { respondent: 1, progress: 1 },
    ).lean<{ respondent: Types.ObjectId; progress: number }[]>(),
    mailStatsFor(models, investigations),
  ]);
  const progress = new Map(responses.map((r) => [r.respondent.toString(), r.progress]));
  const grouped = new Map<string, Respondent[]>();
  for (const respondent of respondents) {
    const key = respondent.investigation.toString();
    const list = grouped.get(key) ?? [];
    list.push(
      toRespondentView(
        respondent,
        progress.get(respondent._id.toString()) ?? 0,
        stats.get(respondent._id.toString()),
      ),
    );
    grouped.set(key, list);
  }
  return grouped;
}
