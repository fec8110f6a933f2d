import mongoose from 'mongoose';
import { systemActor } from '../audit/audit.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { sendReminder } from '../investigations/invitations.js';
import { mailStatsFor } from '../investigations/respondent-view.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import { isCurrentLinkInUse, reissueLinkForReminder } from '../respond/respondents.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reminder due dates of a deadline: N days before and M days after, ascending. */
export function dueDates(deadline: Date, before: number[], after: number[]): Date[] {
  const dates = [
    ...before.map((days) => new Date(deadline.getTime() - days * DAY_MS)),
    ...after.map((days) => new Date(deadline.getTime() + days * DAY_MS)),
  ];
  return dates.sort((a, b) => a.getTime() - b.getTime());
}

/** The latest due date that has passed; earlier ones missed during downtime are not sent as a backlog. */
export function latestDue(dates: Date[], now: Date): Date | undefined {
  return dates.filter((d) => d <= now).pop();
}

/**
 * Reminds invited respondents who have not submitted, once per (respondent, due date), on any number of
 * instances at once: the key is inserted into `reminderlog` BEFORE sending and its unique `_id` makes
 * every other instance skip (E11000). At-most-once: a crash between insert and send loses that reminder,
 * which is better than sending it twice; a failed send is recorded in the outbox as failed.
 */
export async function runReminders(ctx: InspectorContext): Promise<{ sent: number }> {
  const respond = ctx.respond;
  const { REMINDER_DAYS_BEFORE: before, REMINDER_DAYS_AFTER: after } = ctx.config;
  if (!respond || before.length + after.length === 0) return { sent: 0 };
  const now = ctx.now();
  const investigations = await ctx.models.Investigation.find({
    status: 'open',
    deadline: mongoose.trusted({
      $gte: new Date(now.getTime() - (Math.max(0, ...after) + 1) * DAY_MS),
      $lte: new Date(now.getTime() + Math.max(0, ...before) * DAY_MS),
    }),
  }).lean<InvestigationRecord[]>();
  let sent = 0;
  for (const investigation of investigations) {
    if (!investigation.deadline) continue;
    const due = latestDue(dueDates(investigation.deadline, before, after), now);
    if (!due) continue;
    const respondents = await ctx.models.Respondent.find({
      investigation: investigation._id,
      submittedAt: null,
      revokedAt: null,
      expiresAt: mongoose.trusted({ $gt: now }),
    }).lean<RespondentRecord[]>();
    const stats = await mailStatsFor(ctx.models, [investigation._id]);
    for (const respondent of respondents) {
      const invitedAt = stats.get(respondent._id.toString())?.invitedAt;
      // Invited after this due date: the invitation itself was the nudge.
      if (!invitedAt || invitedAt >= due) continue;
      if (!(await claim(ctx, respondent, due))) continue;
      // Same rule as the "Herinneren" button: a link nobody opened yet is replaced by a fresh one in the
      // mail; a link in use keeps working (an open tab must not lose its autosave; docs/inspector-api.md).
      const fresh = isCurrentLinkInUse(respondent)
        ? undefined
        : await reissueLinkForReminder(respond, respondent);
      if (fresh === null) continue; // revoked, submitted or given a new link since the query above
      const message = await sendReminder(ctx, fresh?.respondent ?? respondent, investigation, fresh?.link);
      await ctx.audit.record({
        actor: systemActor,
        action: 'respondent_reminded',
        target: { type: 'respondent', id: respondent._id.toString() },
        investigation: investigation._id,
        details: {
          due: due.toISOString(),
          mail: message._id.toString(),
          status: message.status,
          scheduled: true,
          newLink: Boolean(fresh),
        },
      });
      sent += 1;
    }
  }
  return { sent };
}

async function claim(ctx: InspectorContext, respondent: RespondentRecord, due: Date): Promise<boolean> {
  try {
    await ctx.models.ReminderLog.create({
      _id: `${respondent._id.toString()}:${due.toISOString()}`,
      respondent: respondent._id.toString(),
      dueAt: due,
    });
    return true;
  } catch (err) {
    if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000) return false;
    throw err;
  }
}
