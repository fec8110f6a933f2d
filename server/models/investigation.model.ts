import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { z } from 'zod';

import { investigationStatuses } from '../../shared/api/investigations.js';

export { investigationStatuses };
export type InvestigationStatus = (typeof investigationStatuses)[number];

/** What an inspector supplies when creating an investigation (municipality × approach × year). */
export const investigationInputSchema = z.object({
  municipality: z.string().trim().min(1).max(200),
  approach: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  deadline: z.coerce.date().optional(),
  /** Respondent links stop working at this moment; without it each link lives RESPONDENT_LINK_TTL_DAYS. */
  linkExpiresAt: z.coerce.date().optional(),
});
export type InvestigationInput = z.infer<typeof investigationInputSchema>;

/** Set on a follow-up round: which published baselines it looks back on and which indicators it asks. */
export type FollowUpRecord = {
  baselines: { investigation: Types.ObjectId; factsheetVersion: number; year: number; approach: string }[];
  indicatorIds: string[];
};

export type InvestigationRecord = InvestigationInput & {
  _id: Types.ObjectId;
  /** The account respondents are told to contact (mails, respondent pages); null on older records. */
  contactUser?: Types.ObjectId | null;
  status: InvestigationStatus;
  followUp?: FollowUpRecord | null;
  createdAt: Date;
  updatedAt: Date;
};

const investigationSchema = new Schema<InvestigationRecord>(
  {
    municipality: { type: String, required: true, trim: true, maxlength: 200 },
    approach: { type: String, required: true, trim: true, maxlength: 200 },
    year: { type: Number, required: true, min: 2000, max: 2100 },
    deadline: { type: Date },
    linkExpiresAt: { type: Date },
    contactUser: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    status: { type: String, enum: investigationStatuses, required: true, default: 'open' },
    followUp: {
      type: new Schema<FollowUpRecord>(
        {
          baselines: [
            {
              _id: false,
              investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', required: true },
              factsheetVersion: { type: Number, required: true, min: 1 },
              year: { type: Number, required: true },
              approach: { type: String, required: true },
            },
          ],
          indicatorIds: [{ type: String }],
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { strict: true, timestamps: true, collection: 'investigations' },
);
// The dashboard lists per year (optionally per status); the overview groups municipalities per year.
investigationSchema.index({ year: 1, status: 1 });
investigationSchema.index({ municipality: 1, year: 1 });

export type InvestigationModel = Model<InvestigationRecord>;

export function investigationModel(connection: Connection): InvestigationModel {
  return (
    (connection.models.Investigation as InvestigationModel | undefined) ??
    connection.model<InvestigationRecord>('Investigation', investigationSchema)
  );
}
