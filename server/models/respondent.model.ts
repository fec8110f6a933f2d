import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { respondentRoles } from '../../shared/api/respondents.js';

export { respondentRoles };
export type RespondentRole = (typeof respondentRoles)[number];

/**
 * A person invited to answer one questionnaire for one investigation. The link token itself is never
 * stored: only its SHA-256 (hex), so a database leak does not hand out working links.
 */
export type RespondentRecord = {
  _id: Types.ObjectId;
  investigation: Types.ObjectId;
  role: RespondentRole;
  /**
   * The respondent limit lives in the unique index (investigation, slot): the municipality takes slot 0,
   * partners the first free slot 1..maxPartners. Two concurrent creates cannot share a slot, so the
   * database itself guarantees "one gemeente, at most maxPartners partners".
   */
  slot: number;
  organisation: string;
  contactName?: string;
  email: string;
  tokenHash: string;
  tokenIssuedAt: Date;
  expiresAt: Date;
  revokedAt?: Date | null;
  /** The questionnaire (id + content-hash version) this respondent answers; copied from the response. */
  questionnaireId: string;
  questionnaireVersion: string;
  /**
   * The indicators of a follow-up round, copied from the investigation at creation: the respondent API
   * serves the questionnaire reduced to them without reading the investigation. Null: everything.
   */
  indicatorScope?: string[] | null;
  openedAt?: Date | null;
  /** When the current link (tokenHash) was first opened: a reminder must not replace a link in use. */
  tokenOpenedAt?: Date | null;
  startedAt?: Date | null;
  submittedAt?: Date | null;
  lastActivityAt?: Date | null;
  /** Uploaded documents, reserved with a conditional $inc before streaming so the cap holds under concurrency. */
  fileCount: number;
  createdAt: Date;
  updatedAt: Date;
};

const respondentSchema = new Schema<RespondentRecord>(
  {
    investigation: { type: Schema.Types.ObjectId, ref: 'Investigation', required: true },
    role: { type: String, enum: respondentRoles, required: true },
    slot: { type: Number, required: true, min: 0 },
    organisation: { type: String, required: true, trim: true, maxlength: 200 },
    contactName: { type: String, trim: true, maxlength: 200 },
    email: { type: String, required: true, trim: true, lowercase: true, maxlength: 254 },
    tokenHash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    tokenIssuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    questionnaireId: { type: String, required: true },
    questionnaireVersion: { type: String, required: true },
    indicatorScope: { type: [String], default: null },
    openedAt: { type: Date, default: null },
    tokenOpenedAt: { type: Date, default: null },
    startedAt: { type: Date, default: null },
    submittedAt: { type: Date, default: null },
    lastActivityAt: { type: Date, default: null },
    fileCount: { type: Number, required: true, default: 0, min: 0 },
  },
  { strict: true, timestamps: true, collection: 'respondents' },
);
// Every respondent request starts with a lookup by token hash.
respondentSchema.index({ tokenHash: 1 }, { unique: true });
// Listing an investigation's respondents, and the respondent limit (see `slot`).
respondentSchema.index({ investigation: 1, slot: 1 }, { unique: true });

export type RespondentModel = Model<RespondentRecord>;

export function respondentModel(connection: Connection): RespondentModel {
  return (
    (connection.models.Respondent as RespondentModel | undefined) ??
    connection.model<RespondentRecord>('Respondent', respondentSchema)
  );
}
