import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * A cache, not a record: the overview's analysis summary of one investigation, stored under the
 * fingerprint of everything the analysis read, so a new process or another instance can reuse it.
 * `summary` is read back through a zod schema and used only while the fingerprint still matches.
 */
export type OverviewSummaryRecord = {
  _id: Types.ObjectId;
  investigation: Types.ObjectId;
  fingerprint: string;
  summary: unknown;
  computedAt: Date;
};

const overviewSummarySchema = new Schema<OverviewSummaryRecord>(
  {
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', required: true },
    fingerprint: { type: String, required: true },
    summary: { type: Schema.Types.Mixed, required: true },
    computedAt: { type: Date, required: true },
  },
  { strict: true, collection: 'overviewsummaries', versionKey: false, minimize: false },
);
overviewSummarySchema.index({ investigation: 1 }, { unique: true });

export type OverviewSummaryModel = Model<OverviewSummaryRecord>;

export function overviewSummaryModel(connection: Connection): OverviewSummaryModel {
  return (
    (connection.models.OverviewSummary as OverviewSummaryModel | undefined) ??
    connection.model<OverviewSummaryRecord>('OverviewSummary', overviewSummarySchema)
  );
}
