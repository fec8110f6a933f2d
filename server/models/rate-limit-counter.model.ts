import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One fixed-window hit counter per rate-limit key (e.g. "respond-lookup:203.0.113.7"). Kept in the
 * database so that several app instances share the counts.
 */
export type RateLimitCounterRecord = {
  _id: string;
  hits: number;
  resetAt: Date;
};

const rateLimitCounterSchema = new Schema<RateLimitCounterRecord>(
  {
    _id: { type: String, required: true },
    hits: { type: Number, required: true, min: 0 },
    resetAt: { type: Date, required: true },
  },
  { strict: true, collection: 'rate_limit_counters', versionKey: false },
);
// Expired windows are garbage: let the TTL monitor remove them (the store also treats them as reset).
rateLimitCounterSchema.index({ resetAt: 1 }, { expireAfterSeconds: 0 });

export type RateLimitCounterModel = Model<RateLimitCounterRecord>;

export function rateLimitCounterModel(connection: Connection): RateLimitCounterModel {
  return (
    (connection.models.RateLimitCounter as RateLimitCounterModel | undefined) ??
    connection.model<RateLimitCounterRecord>('RateLimitCounter', rateLimitCounterSchema)
  );
}
