import mongoose, { type Types } from 'mongoose';
import type { Overview, OverviewCell, OverviewQuery } from '../../shared/api/review.js';
import type { Framework } from '../framework/framework.schema.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { JudgmentRecord } from '../models/judgment.model.js';
import type { Models } from '../models/index.js';
import { scopeOf } from './analysed-investigations.js';
import type { AnalysisSummaries, AnalysisSummary } from './analysis-summaries.js';

type Row = Overview['rows'][number];
type JudgmentVerdictRow = Pick<JudgmentRecord, 'indicatorId' | 'verdict'>;

/**
 * The municipality × indicator matrix of a year: per cell the inspector's verdict once judged, the
 * analysis proposal before that, and the number of flags; null where a follow-up did not ask the
 * indicator. Rows sorted by municipality, then approach. The analyses come from `summaries` (cached
 * while the answers stay the same); the judgments are read fresh on every request.
 */
export async function buildOverview(
  models: Models,
  framework: Framework,
  summaries: AnalysisSummaries,
  query: OverviewQuery,
): Promise<Overview> {
  const investigations = await investigationsOf(models, query);
  const [analysed, judgments] = await Promise.all([
    summaries.of(investigations),
    judgmentsOf(models, investigations),
  ]);
  return {
    year: query.year,
    round: query.round,
    themes: framework.themes.map((theme) => ({
      id: theme.id,
      title: theme.title,
      indicators: theme.criteria.flatMap((criterion) =>
        criterion.indicators.map((indicator) => ({ id: indicator.id, text: indicator.text })),
      ),
    })),
    rows: investigations.map((investigation) => {
      const key = investigation._id.toString();
      return overviewRow(
        framework,
        investigation,
        analysed.get(key) ?? new Map(),
        judgments.get(key) ?? new Map(),
      );
    }),
  };
}

/** The investigations of a year in one round, in the overview's order. */
export async function investigationsOf(
  models: Models,
  query: Pick<OverviewQuery, 'year' | 'round'>,
): Promise<InvestigationRecord[]> {
  const all = await models.Investigation.find({ year: query.year }).lean<InvestigationRecord[]>();
  return all
    .filter((investigation) => query.round === 'all' || roundOf(investigation) === query.round)
    .sort(
      (a, b) =>
        a.municipality.localeCompare(b.municipality, 'nl') || a.approach.localeCompare(b.approach, 'nl'),
    );
}

export function roundOf(investigation: InvestigationRecord): Row['round'] {
  return scopeOf(investigation) === null ? 'baseline' : 'follow_up';
}

/** investigation id → indicator id → the inspector's verdict, grouped per investigation in one query. */
async function judgmentsOf(
  models: Models,
  investigations: readonly InvestigationRecord[],
): Promise<Map<string, Map<string, JudgmentRecord['verdict']>>> {
  const groups = await models.Judgment.aggregate<{ _id: Types.ObjectId; verdicts: JudgmentVerdictRow[] }>([
    { $match: { investigation: mongoose.trusted({ $in: investigations.map((i) => i._id) }) } },
    {
      $group: {
        _id: '$investigation',
        verdicts: { $push: { indicatorId: '$indicatorId', verdict: '$verdict' } },
      },
    },
  ]);
  return new Map(
    groups.map((group) => [
      group._id.toString(),
      new Map(group.verdicts.map((judgment) => [judgment.indicatorId, judgment.verdict])),
    ]),
  );
}

function overviewRow(
  framework: Framework,
  investigation: InvestigationRecord,
  analysis: AnalysisSummary,
  judgments: ReadonlyMap<string, JudgmentRecord['verdict']>,
): Row {
  const cells: Row['cells'] = {};
  const countsByTheme: Row['countsByTheme'] = {};
  for (const theme of framework.themes) {
    const counts: Record<string, number> = {};
    for (const criterion of theme.criteria) {
      for (const indicator of criterion.indicators) {
        const summary = analysis.get(indicator.id);
        if (!summary) {
          cells[indicator.id] = null;
          continue;
        }
        const judged = judgments.get(indicator.id);
        const cell: OverviewCell = judged
          ? { source: 'judgment', verdict: judged, flags: summary.flags }
          : { source: 'proposal', verdict: summary.proposal, flags: summary.flags };
        cells[indicator.id] = cell;
        counts[cell.verdict] = (counts[cell.verdict] ?? 0) + 1;
      }
    }
    countsByTheme[theme.id] = counts;
  }
  return {
    investigationId: investigation._id.toString(),
    municipality: investigation.municipality,
    approach: investigation.approach,
    round: roundOf(investigation),
    cells,
    countsByTheme,
  };
}
