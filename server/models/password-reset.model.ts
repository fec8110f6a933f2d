import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** A single-use password (re)set link; only the token's SHA-256 is stored. */
export type PasswordResetRecord = {
  _id: Types.ObjectId;
  tokenHash: string;
  user: Types.ObjectId;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
};

const passwordResetSchema = new Schema<PasswordResetRecord>(
  {
    tokenHash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { strict: true, timestamps: { createdAt: true, updatedAt: false }, collection: 'password_resets' },
);
passwordResetSchema.index({ tokenHash: 1 }, { unique: true });
// Keep used and expired links a day for the record, then let the TTL monitor remove them.
passwordResetSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 24 * 60 * 60 });

export type PasswordResetModel = Model<PasswordResetRecord>;

export function passwordResetModel(connection: Connection): PasswordResetModel {
  return (
    (connection.models.PasswordReset as PasswordResetModel | undefined) ??
    connection.model<PasswordResetRecord>('PasswordReset', passwordResetSchema)
  );
}
