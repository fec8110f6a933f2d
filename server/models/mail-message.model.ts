import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { mailKinds, mailStatuses } from '../../shared/api/outbox.js';

export { mailKinds, mailStatuses };
export type MailKind = (typeof mailKinds)[number];
/** pending: saved, SMTP send under way; stored: no SMTP configured (shown in "Uitgaande e-mail"); sent/failed: the SMTP outcome. */
export type MailStatus = (typeof mailStatuses)[number];

export type MailMessageRecord = {
  _id: Types.ObjectId;
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: MailKind;
  status: MailStatus;
  error?: string | null;
  investigation?: Types.ObjectId | null;
  respondent?: Types.ObjectId | null;
  sentAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const mailMessageSchema = new Schema<MailMessageRecord>(
  {
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    kind: { type: String, enum: mailKinds, required: true },
    status: { type: String, enum: mailStatuses, required: true },
    error: { type: String, default: null },
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', default: null },
    respondent: { type: Schema.Types.ObjectId, ref: 'Respondent', default: null },
    sentAt: { type: Date, default: null },
  },
  { strict: true, timestamps: true, collection: 'outbox' },
);
mailMessageSchema.index({ createdAt: -1 });
// The dashboard derives "invited at" and "reminders sent" per respondent from here.
mailMessageSchema.index({ investigation: 1, respondent: 1, kind: 1 });

export type MailMessageModel = Model<MailMessageRecord>;

export function mailMessageModel(connection: Connection): MailMessageModel {
  return (
    (connection.models.MailMessage as MailMessageModel | undefined) ??
    connection.model<MailMessageRecord>('MailMessage', mailMessageSchema)
  );
}
