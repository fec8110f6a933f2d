import { z } from 'zod';
import { respondentRoles } from './respondents.js';

/**
 * The respondent API (`/api/respond/:token`, DESIGN.md "HTTP API"). Answer `data` is only checked here
 * for being an object; its per-question shape depends on the questionnaire version, so the server
 * derives it from there (server/respond/answer-schema.ts).
 */

const answerData = z.record(z.string(), z.unknown());

export const responseStatuses = ['concept', 'ingediend'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

/** PUT /api/respond/:token (autosave); `revision` is the one the client last saw, a stale one gives 409. */
export const saveDraftBodySchema = z.object({
  data: answerData,
  currentPageNo: z.number().int().min(0).max(1_000),
  revision: z.number().int().min(0),
});
export type SaveDraftBody = z.infer<typeof saveDraftBodySchema>;

export const saveDraftReplySchema = z.object({ revision: z.number().int(), savedAt: z.string() });
export type SaveDraftReply = z.infer<typeof saveDraftReplySchema>;

/** POST /api/respond/:token/submit */
export const submitBodySchema = z.object({
  data: answerData,
  revision: z.number().int().min(0),
});
export type SubmitBody = z.infer<typeof submitBodySchema>;

export const submitReplySchema = z.object({ status: z.literal('ingediend'), submittedAt: z.string() });
export type SubmitReply = z.infer<typeof submitReplySchema>;

/** The server's copy of a response, as sent with GET and with a 409 `revision_conflict`. */
export const responseCopySchema = z.object({
  data: answerData,
  currentPageNo: z.number().int(),
  revision: z.number().int(),
  status: z.enum(responseStatuses),
  submittedAt: z.string().optional(),
  /** Set once an inspector reopened submitted answers (kept after a new submit). */
  reopenedAt: z.string().optional(),
});
export type ResponseCopy = z.infer<typeof responseCopySchema>;

/**
 * Whom a respondent can ask: the investigation's contact person in a session, the configured general
 * contact on GET /api/respond-contact (for the "link does not work" page, which knows no investigation).
 */
export const respondContactSchema = z.object({
  name: z.string(),
  email: z.string().optional(),
  /** True for a named inspector; false for the general contact ("de inspecteurs van …"). */
  person: z.boolean(),
});
export type RespondContact = z.infer<typeof respondContactSchema>;

/** GET /api/respond/:token: who answers, for which investigation, the questionnaire and the answers so far. */
export const respondSessionSchema = z.object({
  respondent: z.object({ role: z.enum(respondentRoles), organisation: z.string() }),
  investigation: z.object({
    municipality: z.string(),
    approach: z.string(),
    year: z.number().int(),
    /** The end of the deadline day in Europe/Amsterdam (ISO). */
    deadline: z.string().optional(),
    /**
     * That day in Dutch, formatted on the server as the mails do ("31 januari 2027"): show it as
     * "uiterlijk <deadlineText>", never a browser-local formatting of `deadline`.
     */
    deadlineText: z.string().optional(),
  }),
  /** Always sent by this server; optional in the type only so older recorded sessions still parse. */
  contact: respondContactSchema.optional(),
  questionnaire: z.object({ id: z.string(), version: z.string(), json: z.record(z.string(), z.unknown()) }),
  response: responseCopySchema,
});
export type RespondSession = z.infer<typeof respondSessionSchema>;

/** POST /api/respond/:token/files (201) */
export const uploadedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/**
 * One entry of a submit's 422 `details`. Questions inside a dynamic panel name the panel (`question`),
 * which panel (0-based) and the question in it.
 */
export const questionErrorSchema = z.object({
  /** Top-level question name: the one a client can look up with `survey.getQuestionByName`. */
  question: z.string(),
  /** Dutch, as SurveyJS (with the corrected `nl` strings) words it. */
  message: z.string(),
  panelIndex: z.number().int().min(0).optional(),
  panelQuestion: z.string().optional(),
});
export type QuestionError = z.infer<typeof questionErrorSchema>;
export const questionErrorsSchema = z.array(questionErrorSchema);
