import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { judgmentVerdictSchema } from '../../shared/api/review.js';

export const judgmentVerdicts = judgmentVerdictSchema.options;

/** The inspector's judgment of one indicator in one investigation; its history lives in the audit log. */
export type JudgmentRecord = {
  _id: Types.ObjectId;
  investigation: Types.ObjectId;
  indicatorId: string;
  verdict: (typeof judgmentVerdicts)[number];
  letOp: string | null;
  finding: string;
  /** Bumped by every change; a PUT names the revision it edited (compare-and-set). */
  revision: number;
  updatedBy: { id: string; name: string; email: string };
  createdAt: Date;
  updatedAt: Date;
};

const judgmentSchema = new Schema<JudgmentRecord>(
  {
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', required: true },
    indicatorId: { type: String, required: true, maxlength: 100 },
    verdict: { type: String, enum: judgmentVerdicts, required: true },
    letOp: { type: String, default: null, maxlength: 4000 },
    finding: { type: String, default: '', maxlength: 20000 },
    revision: { type: Number, required: true, min: 1 },
    updatedBy: {
      id: { type: String, required: true },
      name: { type: String, required: true },
      email: { type: String, required: true },
    },
  },
  { strict: true, timestamps: true, collection: 'judgments', versionKey: false },
);
// One judgment per indicator per investigation; also the lookup path of the review page.
judgmentSchema.index({ investigation: 1, indicatorId: 1 }, { unique: true });

export type JudgmentModel = Model<JudgmentRecord>;

export function judgmentModel(connection: Connection): JudgmentModel {
  return (
    (connection.models.Judgment as JudgmentModel | undefined) ??
    connection.model<JudgmentRecord>('Judgment', judgmentSchema)
  );
}
