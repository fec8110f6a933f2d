import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One document per (respondent, reminder due date), inserted BEFORE the reminder is sent. The `_id` is
 * the key, so a second instance running the same job gets E11000 and skips: exactly-once per due date.
 */
export type ReminderLogRecord = {
  _id: string;
  respondent: string;
  dueAt: Date;
  createdAt: Date;
};

const reminderLogSchema = new Schema<ReminderLogRecord>(
  {
    _id: { type: String, required: true },
    respondent: { type: String, required: true },
    dueAt: { type: Date, required: true },
  },
  {
    strict: true,
    timestamps: { createdAt: true, updatedAt: false },
    collection: 'reminderlog',
    versionKey: false,
  },
);

export type ReminderLogModel = Model<ReminderLogRecord>;

export function reminderLogModel(connection: Connection): ReminderLogModel {
  return (
    (connection.models.ReminderLog as ReminderLogModel | undefined) ??
    connection.model<ReminderLogRecord>('ReminderLog', reminderLogSchema)
  );
}
