import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Failed logins per account key (the normalised email, also for emails without an account, so a lockout
 * does not reveal whether an account exists).
 */
export type LoginThrottleRecord = {
  _id: string;
  failures: number;
  lockedUntil: Date | null;
  /** Garbage collection only (TTL). */
  expiresAt: Date;
};

const loginThrottleSchema = new Schema<LoginThrottleRecord>(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true, default: 0, min: 0 },
    lockedUntil: { type: Date, default: null },
    expiresAt: { type: Date, required: true },
  },
  { strict: true, collection: 'login_throttle', versionKey: false },
);
loginThrottleSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type LoginThrottleModel = Model<LoginThrottleRecord>;

export function loginThrottleModel(connection: Connection): LoginThrottleModel {
  return (
    (connection.models.LoginThrottle as LoginThrottleModel | undefined) ??
    connection.model<LoginThrottleRecord>('LoginThrottle', loginThrottleSchema)
  );
}
