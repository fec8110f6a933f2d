import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { userRoles } from '../../shared/api/users.js';

export { userRoles };
export type UserRole = (typeof userRoles)[number];

/** An inspector or administrator account. Secrets are stored only as argon2id / SHA-256 hashes. */
export type UserRecord = {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  passwordHash: string;
  /**
   * Bumped on password reset, deactivation and TOTP reset; a session remembers the version it was made
   * with, so these changes end every existing session of the user.
   */
  credentialVersion: number;
  totpEnabled: boolean;
  /** Base32 TOTP secret; the app must be able to compute codes, so it cannot be hashed. */
  totpSecret?: string | null;
  /** Secret of an enrolment that has not been confirmed with a code yet. */
  totpPendingSecret?: string | null;
  /** Last accepted TOTP time step: a code is accepted once, never replayed. */
  totpLastCounter?: number | null;
  /** SHA-256 hex of each unused recovery code. */
  recoveryCodeHashes: string[];
  lastLoginAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const userSchema = new Schema<UserRecord>(
  {
    email: { type: String, required: true, trim: true, lowercase: true, maxlength: 254 },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    role: { type: String, enum: userRoles, required: true },
    active: { type: Boolean, required: true, default: true },
    passwordHash: { type: String, required: true },
    credentialVersion: { type: Number, required: true, default: 0 },
    totpEnabled: { type: Boolean, required: true, default: false },
    totpSecret: { type: String, default: null },
    totpPendingSecret: { type: String, default: null },
    totpLastCounter: { type: Number, default: null },
    recoveryCodeHashes: { type: [String], default: [] },
    lastLoginAt: { type: Date, default: null },
  },
  { strict: true, timestamps: true, collection: 'users' },
);
userSchema.index({ email: 1 }, { unique: true });

export type UserModel = Model<UserRecord>;

export function userModel(connection: Connection): UserModel {
  return (
    (connection.models.User as UserModel | undefined) ?? connection.model<UserRecord>('User', userSchema)
  );
}
