import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { refuseChanges } from './refuse-changes.js';

import { auditActorTypes } from '../../shared/api/audit.js';

export { auditActorTypes };

export type AuditEntryRecord = {
  _id: Types.ObjectId;
  at: Date;
  actor: { type: (typeof auditActorTypes)[number]; id?: string | null; email?: string | null };
  action: string;
  target?: { type: string; id: string } | null;
  investigation?: Types.ObjectId | null;
  details?: Record<string, unknown> | null;
};

const auditEntrySchema = new Schema<AuditEntryRecord>(
  {
    at: { type: Date, required: true },
    actor: {
      type: { type: String, enum: auditActorTypes, required: true },
      id: { type: String, default: null },
      email: { type: String, default: null },
    },
    action: { type: String, required: true },
    target: { type: { type: String }, id: { type: String } },
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', default: null },
    details: { type: Schema.Types.Mixed, default: null },
  },
  { strict: true, collection: 'audit', versionKey: false },
);
auditEntrySchema.index({ investigation: 1, at: -1 });
auditEntrySchema.index({ at: -1 });

// Append-only: refuse every update and delete through the model, so no code path can rewrite history.
refuseChanges(auditEntrySchema, 'the audit log is append-only');

export type AuditEntryModel = Model<AuditEntryRecord>;

export function auditEntryModel(connection: Connection): AuditEntryModel {
  return (
    (connection.models.AuditEntry as AuditEntryModel | undefined) ??
    connection.model<AuditEntryRecord>('AuditEntry', auditEntrySchema)
  );
}
