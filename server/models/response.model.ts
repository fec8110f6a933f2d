import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { z } from 'zod';

import { responseStatuses } from '../../shared/api/respond.js';

export { responseStatuses };
export type ResponseStatus = (typeof responseStatuses)[number];

/**
 * Answers keyed by SurveyJS question name, exactly as the questionnaire produced them. Question names
 * never contain `$` or `.`, and the respondent API rejects such keys, so the object is stored as is.
 */
export const answerDataSchema = z.record(z.string(), z.unknown());
export type AnswerData = z.infer<typeof answerDataSchema>;

export type ResponseRecord = {
  _id: Types.ObjectId;
  respondent: Types.ObjectId;
  investigation: Types.ObjectId;
  /** The questionnaire id + content-hash version the answers belong to: readable after later edits. */
  questionnaireId: string;
  questionnaireVersion: string;
  data: AnswerData;
  currentPageNo: number;
  /** Bumped by every accepted write; clients send the revision they based their change on (CAS). */
  revision: number;
  status: ResponseStatus;
  submittedAt?: Date | null;
  /** When an inspector last reopened the submitted answers; the respondent is told so. */
  reopenedAt?: Date | null;
  /** Rough share (0–100) of the questionnaire's questions that have an answer; for the dashboard. */
  progress: number;
  createdAt: Date;
  updatedAt: Date;
};

const responseSchema = new Schema<ResponseRecord>(
  {
    respondent: { type: Schema.Types.ObjectId, ref: 'Respondent', required: true },
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', required: true },
    questionnaireId: { type: String, required: true },
    questionnaireVersion: { type: String, required: true },
    // A plain object: the shape depends on the questionnaire version and is checked by the respondent API.
    data: { type: Schema.Types.Mixed, required: true, default: () => ({}) },
    currentPageNo: { type: Number, required: true, default: 0, min: 0 },
    revision: { type: Number, required: true, default: 0, min: 0 },
    status: { type: String, enum: responseStatuses, required: true, default: 'concept' },
    submittedAt: { type: Date, default: null },
    reopenedAt: { type: Date, default: null },
    progress: { type: Number, required: true, default: 0, min: 0, max: 100 },
  },
  // `minimize: false` keeps an empty `data` object instead of dropping the field.
  { strict: true, timestamps: true, minimize: false, collection: 'responses' },
);
responseSchema.index({ respondent: 1 }, { unique: true });
// The analysis loads all responses of an investigation, the dashboard filters by status.
responseSchema.index({ investigation: 1, status: 1 });

export type ResponseModel = Model<ResponseRecord>;

export function responseModel(connection: Connection): ResponseModel {
  return (
    (connection.models.Response as ResponseModel | undefined) ??
    connection.model<ResponseRecord>('Response', responseSchema)
  );
}
