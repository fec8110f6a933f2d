import { z } from 'zod';

/** A file a respondent uploaded, as the inspector sees it in an investigation. */
export const investigationDocumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  type: z.string(),
  respondentId: z.string(),
  organisation: z.string(),
  uploadedAt: z.string(),
});
export type InvestigationDocument = z.infer<typeof investigationDocumentSchema>;
