import type { AnswerSet } from '../../shared/analysis/analysis-input.js';
import type { AnalysisResult } from '../../shared/analysis/analysis-result.js';
import { analyseInvestigation } from '../analysis/index.js';
import type { Framework } from '../framework/framework.schema.js';
import { scopeFramework } from '../framework/scope-framework.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { JudgmentRecord } from '../models/judgment.model.js';
import type { Models } from '../models/index.js';
import mongoose from 'mongoose';
import { loadAnswerSets } from '../review/answer-sets.js';

export type JudgmentCell = Pick<JudgmentRecord, 'indicatorId' | 'verdict' | 'letOp' | 'finding'>;

/** One investigation with what the overview and the exports show of it. */
export type AnalysedInvestigation = {
  investigation: InvestigationRecord;
  /** The framework as this investigation asked it (a follow-up's indicators only). */
  framework: Framework;
  answerSets: AnswerSet[];
  analysis: AnalysisResult;
  /** indicator id → the inspector's judgment. */
  judgments: Map<string, JudgmentCell>;
};

/**
 * Loads and analyses several investigations with a fixed number of queries (answer sets in two,
 * judgments in one), whatever their number: the overview of a year covers hundreds.
 */
export async function analyseInvestigations(
  models: Models,
  framework: Framework,
  investigations: readonly InvestigationRecord[],
): Promise<AnalysedInvestigation[]> {
  const ids = investigations.map((investigation) => investigation._id);
  const [answerSets, judgments] = await Promise.all([
    loadAnswerSets(models, ids),
    models.Judgment.find(
      { investigation: mongoose.trusted({ $in: ids }) },
      { investigation: 1, indicatorId: 1, verdict: 1, letOp: 1, finding: 1 },
    ).lean<(JudgmentCell & { investigation: JudgmentRecord['investigation'] })[]>(),
  ]);
  const judgmentsOf = new Map<string, Map<string, JudgmentCell>>();
  for (const judgment of judgments) {
    const key = judgment.investigation.toString();
    let map = judgmentsOf.get(key);
    if (!map) judgmentsOf.set(key, (map = new Map()));
    map.set(judgment.indicatorId, judgment);
  }
  // One scoped framework per distinct scope: the analysis caches its lookups per framework object.
  const frameworks = new Map<string, Framework>();
  const scopedFramework = (ids: string[] | null): Framework => {
    const key = ids === null ? '' : [...ids].sort().join(',');
    let scoped = frameworks.get(key);
    if (!scoped) frameworks.set(key, (scoped = scopeFramework(framework, ids)));
    return scoped;
  };
  return investigations.map((investigation) => {
    const key = investigation._id.toString();
    const scoped = scopedFramework(scopeOf(investigation));
    const sets = answerSets.get(key) ?? [];
    return {
      investigation,
      framework: scoped,
      answerSets: sets,
      analysis: analyseInvestigation(scoped, sets),
      judgments: judgmentsOf.get(key) ?? new Map(),
    };
  });
}

/** The indicators an investigation asks: a follow-up's own list, or null for the whole framework. */
export function scopeOf(investigation: InvestigationRecord): string[] | null {
  const ids = investigation.followUp?.indicatorIds;
  return ids && ids.length > 0 ? ids : null;
}
