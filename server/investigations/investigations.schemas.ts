import { z } from 'zod';
import { investigationStatuses } from '../../shared/api/investigations.js';

/**
 * Server-only shapes of the investigations API. Everything the client also sends or reads is in
 * shared/api/ (investigations.ts, respondents.ts, documents.ts, nominations.ts).
 */

/** The dashboard's filters arrive as query strings; the client builds them from its own form state. */
export const listInvestigationsQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(investigationStatuses).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListInvestigationsQuery = z.infer<typeof listInvestigationsQuerySchema>;
