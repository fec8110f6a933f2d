import { z } from 'zod';
import { addRespondentBodySchema } from '../../shared/api/respondents.js';
import { objectIdSchema } from '../../shared/api/object-id.js';

/**
 * Server-only shapes of the respondent API. The request and reply bodies are the client's contract too
 * and live in shared/api/respond.ts.
 */

export const fileIdParamSchema = objectIdSchema;

/** What the inspector side hands the respondent service to create a respondent (no mail decision here). */
export const createRespondentInputSchema = addRespondentBodySchema.omit({ invite: true });
export type CreateRespondentInput = z.infer<typeof createRespondentInputSchema>;
