import type { InvestigationRecord } from '../models/investigation.model.js';
import type { MailMessageRecord } from '../models/mail-message.model.js';
import type { RespondentRecord } from '../models/respondent.model.js';
import { invitationMail, receiptMail, reminderMail } from '../mail/templates.js';
import type { InspectorContext } from './inspector.context.js';

function survey(respondent: RespondentRecord, investigation: InvestigationRecord) {
  return {
    organisation: respondent.organisation,
    contactName: respondent.contactName,
    role: respondent.role,
    municipality: investigation.municipality,
    approach: investigation.approach,
    deadline: investigation.deadline,
  };
}

/** The token is the link's last path segment; it is redacted from the stored copy when SMTP sends it. */
function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}

export function sendInvitation(
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
    ...invitationMail(survey(respondent, investigation), link, ctx.config.MAIL_CONTACT),
  });
}

export function sendReminder(
  ctx: InspectorContext,
  respondent: RespondentRecord,
  investigation: InvestigationRecord,
  link?: string,
): Promise<MailMessageRecord> {
  return ctx.mailer.send({
    to: respondent.email,
    kind: 'reminder',
    investigation: investigation._id,
    respondent: respondent._id,
    secrets: link ? [tokenOf(link)] : [],
    ...reminderMail(survey(respondent, investigation), ctx.config.MAIL_CONTACT, link),
  });
}

export function sendReceipt(
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
    ...receiptMail(survey(respondent, investigation), submittedAt, ctx.config.MAIL_CONTACT),
  });
}
