import type { Overview, OverviewCell, OverviewQuery } from '../../shared/api/review.js';
import type { Framework } from '../framework/framework.schema.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import type { Models } from '../models/index.js';
import { analyseInvestigations, scopeOf, type AnalysedInvestigation } from './analysed-investigations.js';

type Row = Overview['rows'][number];

/** Flags about missing answers say who did not answer, not that the answers disagree: not counted. */
const UNCOUNTED_FLAG = 'ontbreekt';

/**
 * The municipality × indicator matrix of a year: per cell the inspector's verdict once judged, the
 * analysis proposal before that, and the number of flags; null where a follow-up did not ask the
 * indicator. Rows sorted by municipality, then approach.
 */
export async function buildOverview(
  models: Models,
  framework: Framework,
  query: OverviewQuery,
): Promise<Overview> {
  const investigations = await investigationsOf(models, query);
  const analysed = await analyseInvestigations(models, framework, investigations);
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
    rows: analysed.map((entry) => overviewRow(framework, entry)),
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

function overviewRow(framework: Framework, entry: AnalysedInvestigation): Row {
  const analysed = new Map(entry.analysis.indicators.map((indicator) => [indicator.id, indicator]));
  const cells: Row['cells'] = {};
  const countsByTheme: Row['countsByTheme'] = {};
  for (const theme of framework.themes) {
    const counts: Record<string, number> = {};
    for (const criterion of theme.criteria) {
      for (const indicator of criterion.indicators) {
        const analysis = analysed.get(indicator.id);
        if (!analysis) {
          cells[indicator.id] = null;
          continue;
        }
        const flags = analysis.flags.filter((flag) => flag.kind !== UNCOUNTED_FLAG).length;
        const judgment = entry.judgments.get(indicator.id);
        const cell: OverviewCell = judgment
          ? { source: 'judgment', verdict: judgment.verdict, flags }
          : { source: 'proposal', verdict: analysis.proposal.verdict, flags };
        cells[indicator.id] = cell;
        counts[cell.verdict] = (counts[cell.verdict] ?? 0) + 1;
      }
    }
    countsByTheme[theme.id] = counts;
  }
  return {
    investigationId: entry.investigation._id.toString(),
    municipality: entry.investigation.municipality,
    approach: entry.investigation.approach,
    round: roundOf(entry.investigation),
    cells,
    countsByTheme,
  };
}
