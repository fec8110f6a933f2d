import { z } from 'zod';
import { factsheetSchema } from '../../shared/api/review.js';
import { objectIdSchema } from '../../shared/api/object-id.js';

const isoDate = z.string().datetime({ offset: true });
const objectId = objectIdSchema;
/** Stored documents as they are (ids as hex strings, dates as ISO strings): an archive keeps everything. */
const stored = z.looseObject({ _id: objectId });

/**
 * GET /api/investigations/:id/export.json — everything about one investigation, for archiving: the
 * investigation, its respondents (never the link token hash), their responses, judgments, conclusions,
 * a follow-up's narrative, the audit entries (the full history of changes) and every published factsheet version.
 */
export const investigationArchiveSchema = z.object({
  exportedAt: isoDate,
  framework: z.object({ id: z.string(), version: z.string() }),
  investigation: stored,
  respondents: z.array(stored.refine((r) => !('tokenHash' in r), 'tokenHash must not be exported')),
  responses: z.array(stored),
  judgments: z.array(stored),
  conclusions: z.array(stored),
  /** A follow-up round's "Ontwikkeling <jaar>" text as it stands now; null when none was written. */
  followUpNarrative: stored.nullable(),
  auditEntries: z.array(stored),
  factsheets: z.array(
    z.object({ version: z.number().int().min(1), publishedAt: isoDate, snapshot: factsheetSchema }),
  ),
});
export type InvestigationArchive = z.infer<typeof investigationArchiveSchema>;

export const csvQuerySchema = z.object({
  /** `semicolon` for a Dutch Excel (its list separator); comma otherwise. */
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
});
