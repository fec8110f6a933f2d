import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** Per theme: "Wat gaat goed?" and "Wat kan beter?"; history in the audit log like judgments. */
export type ConclusionRecord = {
  _id: Types.ObjectId;
  investigation: Types.ObjectId;
  themeId: string;
  goed: string;
  beter: string;
  revision: number;
  updatedBy: { id: string; name: string; email: string };
  createdAt: Date;
  updatedAt: Date;
};

const conclusionSchema = new Schema<ConclusionRecord>(
  {
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', required: true },
    themeId: { type: String, required: true, maxlength: 100 },
    goed: { type: String, default: '', maxlength: 20000 },
    beter: { type: String, default: '', maxlength: 20000 },
    revision: { type: Number, required: true, min: 1 },
    updatedBy: {
      id: { type: String, required: true },
      name: { type: String, required: true },
      email: { type: String, required: true },
    },
  },
  { strict: true, timestamps: true, collection: 'conclusions', versionKey: false },
);
conclusionSchema.index({ investigation: 1, themeId: 1 }, { unique: true });

export type ConclusionModel = Model<ConclusionRecord>;

export function conclusionModel(connection: Connection): ConclusionModel {
  return (
    (connection.models.Conclusion as ConclusionModel | undefined) ??
    connection.model<ConclusionRecord>('Conclusion', conclusionSchema)
  );
}
