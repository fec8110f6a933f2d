import type { AnswerSet } from '../../shared/analysis/analysis-input.js';
import type { BaselineRef, Factsheet, FactsheetIndicator, JudgmentVerdict } from '../../shared/api/review.js';
import type { Framework } from '../framework/framework.schema.js';
import { scopeFramework } from '../framework/scope-framework.js';
import { narrativeBlocks } from './narrative-blocks.js';

type Verdict = { verdict: JudgmentVerdict; letOp: string | null; finding: string };

/** Everything a factsheet is made of, already read from the database: the pure input of `buildSnapshot`. */
export type SnapshotInput = {
  investigation: {
    id: string;
    municipality: string;
    approach: string;
    year: number;
    followUp: { baselines: BaselineRef[]; indicatorIds: string[] } | null;
  };
  /** The whole framework; a follow-up is narrowed to its indicators here. */
  framework: Framework;
  judgments: (Verdict & { indicatorId: string })[];
  conclusions: { themeId: string; goed: string; beter: string }[];
  /** The follow-up narrative as typed ("Ontwikkeling <jaar>"); ignored for a baseline. */
  narrative: string;
  /** Municipality and partners in slot order, as `loadAnswerSetsOf` gives them. */
  answerSets: AnswerSet[];
  /** Per follow-up baseline (same order): its published snapshot at the recorded version, if found. */
  baselineSnapshots: (Factsheet | null)[];
  version: number;
  publishedAt: string;
  publishedBy: { name: string; email: string };
};

export type BuiltSnapshot = {
  factsheet: Factsheet;
  /** Indicators in scope without a judgment: publishing is refused, the preview shows them as such. */
  missing: string[];
};

/**
 * The factsheet as it would be published now. Pure, so publishing, the preview and the tests build the
 * very same document; a missing judgment becomes `niet_beoordeeld` here and is reported in `missing`.
 */
export function buildSnapshot(input: SnapshotInput): BuiltSnapshot {
  const { investigation, framework } = input;
  const followUp = investigation.followUp;
  const scoped = scopeFramework(framework, followUp ? followUp.indicatorIds : null);
  const judgmentOf = new Map(input.judgments.map((j) => [j.indicatorId, j]));
  const conclusionOf = new Map(input.conclusions.map((c) => [c.themeId, c]));
  const baselineVerdicts = input.baselineSnapshots.map(indexIndicators);
  const missing: string[] = [];

  const themes = scoped.themes.map((theme) => ({
    id: theme.id,
    title: theme.title,
    description: theme.description,
    criteria: theme.criteria.map((criterion) => ({
      id: criterion.id,
      title: criterion.title,
      indicators: criterion.indicators.map((indicator): FactsheetIndicator => {
        const judgment = judgmentOf.get(indicator.id);
        if (!judgment) missing.push(indicator.id);
        return {
          id: indicator.id,
          text: indicator.text,
          verdict: judgment?.verdict ?? 'niet_beoordeeld',
          letOp: nonEmpty(judgment?.letOp ?? null),
          finding: judgment?.finding ?? '',
          ...(followUp
            ? { baselines: baselineVerdicts.map((index) => index.get(indicator.id) ?? null) }
            : {}),
        };
      }),
    })),
    conclusions: {
      goed: conclusionOf.get(theme.id)?.goed ?? '',
      beter: conclusionOf.get(theme.id)?.beter ?? '',
    },
  }));

  const gemeente = input.answerSets.find((set) => set.role === 'gemeente' && set.status === 'ingediend');
  const bindings = framework.context.bindings;
  const factsheet: Factsheet = {
    version: input.version,
    kind: followUp ? 'uitkomsten_verbeterpunten' : 'uitkomsten',
    publishedAt: input.publishedAt,
    publishedBy: input.publishedBy,
    investigation: {
      id: investigation.id,
      municipality: investigation.municipality,
      approach: investigation.approach,
      year: investigation.year,
    },
    title: followUp
      ? `Uitkomsten verbeterpunten toezichtonderzoek ${investigation.municipality}`
      : `Uitkomsten toezichtonderzoek ${investigation.municipality}`,
    introduction: framework.introduction.join('\n'),
    frameworkTitle: framework.title,
    approach: {
      // The investigation's name, as on every list, e-mail and follow-up column: the municipality's own
      // word for it (an answer) is shown to the inspector on the factsheet page, not published in its place.
      name: investigation.approach,
      description: textAnswer(gemeente, bindings.approachDescription),
      familyCount: numberAnswer(gemeente, bindings.familyCount),
    },
    respondents: {
      gemeenteSubmitted: gemeente !== undefined,
      partners: input.answerSets
        .filter((set) => set.role === 'netwerkpartner' && set.status === 'ingediend')
        .map((set) => set.label ?? '')
        .filter((label) => label.length > 0),
    },
    baselines: (followUp?.baselines ?? []).map((b) => ({ ...b, label: `${b.year} ${b.approach}` })),
    narrative: followUp ? narrativeBlocks(input.narrative) : [],
    wording: structuredClone(framework.factsheetWording),
    themes,
  };
  return { factsheet, missing };
}

function indexIndicators(snapshot: Factsheet | null): Map<string, Verdict> {
  const index = new Map<string, Verdict>();
  for (const theme of snapshot?.themes ?? [])
    for (const criterion of theme.criteria)
      for (const i of criterion.indicators)
        index.set(i.id, { verdict: i.verdict, letOp: i.letOp, finding: i.finding });
  return index;
}

function textAnswer(set: AnswerSet | undefined, question: string | undefined): string | null {
  const value = question ? set?.data[question] : undefined;
  return typeof value === 'string' ? nonEmpty(value) : null;
}

/** SurveyJS stores numbers as numbers, but an imported or older answer may be a numeric string. */
function numberAnswer(set: AnswerSet | undefined, question: string | undefined): number | null {
  const value = question ? set?.data[question] : undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isFinite(n) && (typeof value === 'number' || String(value).trim() !== '') ? n : null;
}

function nonEmpty(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}
