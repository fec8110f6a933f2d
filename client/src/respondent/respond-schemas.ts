import { z } from 'zod';

/** The respondent API's shapes (DESIGN.md, "HTTP API"), parsed at the boundary. */
const answersSchema = z.record(z.string(), z.unknown());

export const responseCopySchema = z.object({
  data: answersSchema,
  currentPageNo: z.number().int().min(0),
  revision: z.number().int().min(0),
  status: z.enum(['concept', 'ingediend']),
  submittedAt: z.string().nullish(),
});

export const respondentViewSchema = z.object({
  respondent: z.object({ role: z.enum(['gemeente', 'netwerkpartner']), organisation: z.string() }),
  investigation: z.object({
    municipality: z.string(),
    approach: z.string(),
    year: z.number(),
    deadline: z.string().nullish(),
  }),
  questionnaire: z.object({ id: z.string(), version: z.string(), json: z.record(z.string(), z.unknown()) }),
  response: responseCopySchema,
});
export type RespondentView = z.infer<typeof respondentViewSchema>;
export type ResponseCopy = z.infer<typeof responseCopySchema>;

export const savedSchema = z.object({ revision: z.number().int(), savedAt: z.string() });
export const submittedSchema = z.object({ status: z.literal('ingediend'), submittedAt: z.string() });
export const uploadedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Per-question errors of a 422; questions inside a dynamic panel also name the panel and nested question. */
export const validationDetailsSchema = z.array(
  z.object({
    question: z.string(),
    message: z.string(),
    panelIndex: z.number().int().min(0).optional(),
    panelQuestion: z.string().optional(),
  }),
);
export type ValidationDetail = z.infer<typeof validationDetailsSchema>[number];
