import { z } from 'zod';
import { respondentRoles } from '../models/respondent.model.js';
import { responseStatuses } from '../models/response.model.js';

/**
 * Boundary schemas of the respondent API (request bodies in, reply bodies out). Answer `data` is only
 * checked here for being an object; its per-question shape is derived from the questionnaire version
 * (answer-schema.ts) because it differs per questionnaire.
 */

const answerData = z.record(z.string(), z.unknown());

export const saveDraftBodySchema = z.object({
  data: answerData,
  currentPageNo: z.number().int().min(0).max(1_000),
  revision: z.number().int().min(0),
});
export type SaveDraftBody = z.infer<typeof saveDraftBodySchema>;

export const submitBodySchema = z.object({
  data: answerData,
  revision: z.number().int().min(0),
});
export type SubmitBody = z.infer<typeof submitBodySchema>;

export const fileIdParamSchema = z.string().regex(/^[0-9a-f]{24}$/);

export const responseCopySchema = z.object({
  data: answerData,
  currentPageNo: z.number().int(),
  revision: z.number().int(),
  status: z.enum(responseStatuses),
  submittedAt: z.string().optional(),
});
/** The server's copy of a response, as sent with GET and with a 409 `revision_conflict`. */
export type ResponseCopy = z.infer<typeof responseCopySchema>;

export const respondSessionSchema = z.object({
  respondent: z.object({ role: z.enum(respondentRoles), organisation: z.string() }),
  investigation: z.object({
    municipality: z.string(),
    approach: z.string(),
    year: z.number().int(),
    deadline: z.string().optional(),
  }),
  questionnaire: z.object({ id: z.string(), version: z.string(), json: z.record(z.string(), z.unknown()) }),
  response: responseCopySchema,
});
export type RespondSession = z.infer<typeof respondSessionSchema>;

export type SaveDraftResult = { revision: number; savedAt: string };
export type SubmitResult = { status: 'ingediend'; submittedAt: string };

export const createRespondentInputSchema = z.object({
  role: z.enum(respondentRoles),
  organisation: z.string().trim().min(1).max(200),
  contactName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254),
});
export type CreateRespondentInput = z.infer<typeof createRespondentInputSchema>;

export type UploadedFile = { id: string; name: string; size: number; type: string };
