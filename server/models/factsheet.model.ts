import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { refuseChanges } from './refuse-changes.js';
import type { Factsheet } from '../../shared/api/review.js';

/**
 * A published factsheet version. `snapshot` holds everything needed to render it again (see
 * `factsheetSchema` in shared/api/review.ts); it is written once and never changed.
 */
export type FactsheetRecord = {
  _id: Types.ObjectId;
  investigation: Types.ObjectId;
  version: number;
  snapshot: Factsheet;
  publishedAt: Date;
};

const factsheetSchema = new Schema<FactsheetRecord>(
  {
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', required: true },
    version: { type: Number, required: true, min: 1 },
    snapshot: { type: Schema.Types.Mixed, required: true },
    publishedAt: { type: Date, required: true },
  },
  { strict: true, collection: 'factsheets', versionKey: false },
);
// Numbering is claimed by the unique index: two concurrent publishes cannot both become version n.
factsheetSchema.index({ investigation: 1, version: 1 }, { unique: true });

// Immutable: refuse every update and delete through the model, as the audit log does.
refuseChanges(factsheetSchema, 'a published factsheet is immutable');

export type FactsheetModel = Model<FactsheetRecord>;

export function factsheetModel(connection: Connection): FactsheetModel {
  return (
    (connection.models.Factsheet as FactsheetModel | undefined) ??
    connection.model<FactsheetRecord>('Factsheet', factsheetSchema)
  );
}
