import type { Logger } from 'pino';
import type { Verdict } from '../../shared/analysis/analysis-result.js';
import { summariseInvestigation } from '../analysis/index.js';
import type { Framework } from '../framework/framework.schema.js';
import { scopeFramework } from '../framework/scope-framework.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { Models } from '../models/index.js';
import { loadAnswerSets } from '../review/answer-sets.js';
import { scopeOf } from './analysed-investigations.js';
import { analysisFingerprints } from './analysis-fingerprints.js';
import { LruCache } from './lru-cache.js';
import { readStoredSummaries, storeSummaries } from './stored-summaries.js';

type AnswerSets = Awaited<ReturnType<typeof loadAnswerSets>>;

/** What the overview shows of one analysed indicator. */
export type IndicatorSummary = { proposal: Verdict; flags: number };
/** indicator id → summary; indicators the investigation did not ask are absent. */
export type AnalysisSummary = ReadonlyMap<string, IndicatorSummary>;

/** Flags about missing answers say who did not answer, not that the answers disagree: not counted. */
const UNCOUNTED_FLAG = 'ontbreekt';

export const DEFAULT_SUMMARY_CACHE_ENTRIES = 2000;

export type AnalysisSummaries = {
  /** Per investigation id its summary, analysing only those whose answers changed since last time. */
  of(investigations: readonly InvestigationRecord[]): Promise<Map<string, AnalysisSummary>>;
  /** How many investigations this instance analysed so far (found in neither cache level). */
  readonly computed: number;
};

/**
 * The expensive half of the overview (loading all answers and analysing them), remembered per
 * investigation under the fingerprint of everything the analysis read. Every request recomputes the
 * fingerprints from the database, so a change made through any server instance is seen by all of them;
 * judgments are not part of it (the overview merges them fresh), so judging never costs an analysis.
 * Two levels: this process's LRU, then the summaries stored in the database (shared by all instances
 * and surviving restarts); only what neither holds under the current fingerprint is analysed.
 */
export function createAnalysisSummaries(options: {
  models: Models;
  framework: Framework;
  frameworkVersion: string;
  logger: Pick<Logger, 'warn'>;
  maxEntries?: number;
}): AnalysisSummaries {
  const { models, framework, frameworkVersion, logger } = options;
  let computed = 0;
  const cache = new LruCache<string, { fingerprint: string; summary: AnalysisSummary }>(
    options.maxEntries ?? DEFAULT_SUMMARY_CACHE_ENTRIES,
  );
  // One scoped framework per distinct scope: the analysis caches its lookups per framework object.
  const frameworks = new Map<string, Framework>();
  const scopedFramework = (ids: string[] | null): Framework => {
    const key = ids === null ? '' : ids.toSorted().join(',');
    let scoped = frameworks.get(key);
    if (!scoped) frameworks.set(key, (scoped = scopeFramework(framework, ids)));
    return scoped;
  };

  const analyse = (investigation: InvestigationRecord, answerSets: AnswerSets): AnalysisSummary => {
    const indicators = summariseInvestigation(
      scopedFramework(scopeOf(investigation)),
      answerSets.get(investigation._id.toString()) ?? [],
    );
    return new Map(
      indicators.map((indicator) => [
        indicator.id,
        {
          proposal: indicator.verdict,
          flags: indicator.flags.filter((flag) => flag.kind !== UNCOUNTED_FLAG).length,
        },
      ]),
    );
  };

  return {
    get computed() {
      return computed;
    },
    async of(investigations) {
      const fingerprints = await analysisFingerprints(models, frameworkVersion, investigations);
      const summaries = new Map<string, AnalysisSummary>();
      const remember = (key: string, summary: AnalysisSummary) => {
        const fingerprint = fingerprints.get(key);
        if (fingerprint !== undefined) cache.set(key, { fingerprint, summary });
        summaries.set(key, summary);
      };
      const missing = investigations.filter((investigation) => {
        const key = investigation._id.toString();
        const cached = cache.get(key);
        if (cached && cached.fingerprint === fingerprints.get(key)) summaries.set(key, cached.summary);
        return !summaries.has(key);
      });
      if (missing.length === 0) return summaries;

      const stored = await readStoredSummaries(
        models,
        fingerprints,
        missing.map((investigation) => investigation._id),
      );
      for (const [key, summary] of stored) remember(key, summary);
      const stale = missing.filter((investigation) => !stored.has(investigation._id.toString()));
      if (stale.length === 0) return summaries;

      // Answers read after the fingerprint are at least as new as it; revisions only grow, so a summary
      // stored under an older fingerprint is recomputed on the next request, never served as newer.
      const answerSets = await loadAnswerSets(
        models,
        stale.map((investigation) => investigation._id),
      );
      const fresh = stale.map((investigation) => {
        const key = investigation._id.toString();
        const summary = analyse(investigation, answerSets);
        remember(key, summary);
        return { investigation: investigation._id, fingerprint: fingerprints.get(key), summary };
      });
      computed += fresh.length;
      await storeSummaries(
        models,
        logger,
        fresh.flatMap((entry) =>
          entry.fingerprint === undefined ? [] : [{ ...entry, fingerprint: entry.fingerprint }],
        ),
        new Date(),
      );
      return summaries;
    },
  };
}
