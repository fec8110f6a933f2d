import type { InvestigationRecord } from '../models/investigation.model.js';
import type { MailMessageRecord } from '../models/mail-message.model.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import { invitationMail, receiptMail, reminderMail } from '../mail/templates.js';
import { mailContactFor } from './contact-person.js';
import type { InspectorContext } from './inspector.context.js';

async function survey(
  ctx: InspectorContext,
  respondent: RespondentRecord,
  investigation: InvestigationRecord,
) {
  return {
    organisation: respondent.organisation,
    contactName: respondent.contactName,
    role: respondent.role,
    municipality: investigation.municipality,
    approach: investigation.approach,
    deadline: investigation.deadline,
    contact: await mailContactFor(ctx.models, ctx.config, investigation.contactUser),
  };
}

/** The token is the link's last path segment; it is redacted from the stored copy when SMTP sends it. */
function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}

export async function sendInvitation(
  ctx: InspectorContext,
  respondent: RespondentRecord,
  investigation: InvestigationRecord,
  link: string,
): Promise<MailMessageRecord> {
  return ctx.mailer.send({
    to: respondent.email,
    kind: 'invitation',
    investigation: investigation._id,
    respondent: respondent._id,
    secrets: [tokenOf(link)],
    ...invitationMail(await survey(ctx, respondent, investigation), link),
  });
}

/** With `link` (freshly issued) the reminder carries it; without, it points to the link in use (reminderMail). */
export async function sendReminder(
  ctx: InspectorContext,
  respondent: RespondentRecord,
  investigation: InvestigationRecord,
  link: string | undefined,
): Promise<MailMessageRecord> {
  return ctx.mailer.send({
    to: respondent.email,
    kind: 'reminder',
    investigation: investigation._id,
    respondent: respondent._id,
    secrets: link ? [tokenOf(link)] : [],
    ...reminderMail(await survey(ctx, respondent, investigation), link, ctx.now()),
  });
}

export async function sendReceipt(
  ctx: InspectorContext,
  respondent: RespondentRecord,
  investigation: InvestigationRecord,
  submittedAt: Date,
): Promise<MailMessageRecord> {
  return ctx.mailer.queue({
    to: respondent.email,
    kind: 'receipt',
    investigation: investigation._id,
    respondent: respondent._id,
    ...receiptMail(await survey(ctx, respondent, investigation), submittedAt),
  });
}
