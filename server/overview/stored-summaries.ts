import type { Logger } from 'pino';
import mongoose, { type Types } from 'mongoose';
import { z } from 'zod';
import { verdictSchema } from '../../shared/analysis/analysis-result.js';
import type { Models } from '../models/index.js';
import type { AnalysisSummary } from './analysis-summaries.js';

/** The stored shape of a summary: indicator id → {verdict, flags}. Anything else is ignored. */
const storedSummarySchema = z.record(
  z.string(),
  z.strictObject({ verdict: verdictSchema, flags: z.number().int().min(0) }),
);

/**
 * The summaries stored for these investigations, in one query, keeping only those stored under the
 * fingerprint the investigation has now: another fingerprint means the answers changed since.
 */
export async function readStoredSummaries(
  models: Models,
  fingerprints: ReadonlyMap<string, string>,
  ids: readonly Types.ObjectId[],
): Promise<Map<string, AnalysisSummary>> {
  const stored = await models.OverviewSummary.find(
    { investigation: mongoose.trusted({ $in: ids }) },
    { investigation: 1, fingerprint: 1, summary: 1 },
  ).lean();
  const summaries = new Map<string, AnalysisSummary>();
  for (const entry of stored) {
    const key = entry.investigation.toString();
    if (entry.fingerprint !== fingerprints.get(key)) continue;
    const parsed = storedSummarySchema.safeParse(entry.summary);
    if (!parsed.success) continue;
    summaries.set(
      key,
      new Map(Object.entries(parsed.data).map(([id, s]) => [id, { proposal: s.verdict, flags: s.flags }])),
    );
  }
  return summaries;
}

/**
 * Stores freshly computed summaries, replacing whatever was stored (a concurrent writer with another
 * fingerprint may win; the fingerprint check on read keeps that correct). A cache: failing to write
 * costs a recomputation later, so it is logged and never fails the request.
 */
export async function storeSummaries(
  models: Models,
  logger: Pick<Logger, 'warn'>,
  entries: readonly { investigation: Types.ObjectId; fingerprint: string; summary: AnalysisSummary }[],
  computedAt: Date,
): Promise<void> {
  if (entries.length === 0) return;
  try {
    await models.OverviewSummary.bulkWrite(
      entries.map(({ investigation, fingerprint, summary }) => ({
        updateOne: {
          filter: { investigation },
          update: {
            $set: {
              fingerprint,
              computedAt,
              summary: Object.fromEntries(
                [...summary].map(([id, s]) => [id, { verdict: s.proposal, flags: s.flags }]),
              ),
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  } catch (error) {
    logger.warn({ err: error, count: entries.length }, 'overview summaries not stored');
  }
}
