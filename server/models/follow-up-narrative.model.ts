import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { FOLLOW_UP_NARRATIVE_MAX } from '../../shared/api/review.js';

/**
 * The "Ontwikkeling <jaar>" text of a follow-up round: one per investigation, revisioned like a
 * conclusion, with its history in the audit log.
 */
export type FollowUpNarrativeRecord = {
  _id: Types.ObjectId;
  investigation: Types.ObjectId;
  text: string;
  revision: number;
  updatedBy: { id: string; name: string; email: string };
  createdAt: Date;
  updatedAt: Date;
};

const followUpNarrativeSchema = new Schema<FollowUpNarrativeRecord>(
  {
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', required: true },
    text: { type: String, default: '', maxlength: FOLLOW_UP_NARRATIVE_MAX },
    revision: { type: Number, required: true, min: 1 },
    updatedBy: {
      id: { type: String, required: true },
      name: { type: String, required: true },
      email: { type: String, required: true },
    },
  },
  { strict: true, timestamps: true, collection: 'followupnarratives', versionKey: false },
);
// One narrative per investigation: a colleague's concurrent first save fails with E11000 and becomes a 409.
followUpNarrativeSchema.index({ investigation: 1 }, { unique: true });

export type FollowUpNarrativeModel = Model<FollowUpNarrativeRecord>;

export function followUpNarrativeModel(connection: Connection): FollowUpNarrativeModel {
  return (
    (connection.models.FollowUpNarrative as FollowUpNarrativeModel | undefined) ??
    connection.model<FollowUpNarrativeRecord>('FollowUpNarrative', followUpNarrativeSchema)
  );
}
