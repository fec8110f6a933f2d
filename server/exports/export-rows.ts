import type { FrameworkOutline } from '../../shared/api/review.js';
import type { AnswerCell, FlagKind, Verdict } from '../../shared/analysis/analysis-result.js';
import type { JudgmentVerdict } from '../../shared/api/review.js';
import type { AnalysedInvestigation } from '../overview/analysed-investigations.js';
import { roundOf } from '../overview/overview.service.js';

/** One indicator of one investigation, as the CSV and the XLSX sheet "Indicatoren" show it. */
export type IndicatorRow = {
  municipality: string;
  approach: string;
  year: number;
  round: string;
  theme: string;
  criterion: string;
  indicatorId: string;
  indicatorText: string;
  proposal: string;
  verdict: string;
  letOp: string;
  finding: string;
  flags: string;
  /** respondent code (G, P1 …) → the answers to this indicator's questions, one line per question. */
  answers: Record<string, string>;
};

/** One answer to one question, for the XLSX sheet "Antwoorden". */
export type AnswerRow = {
  municipality: string;
  approach: string;
  year: number;
  respondent: string;
  role: string;
  organisation: string;
  indicatorId: string;
  question: string;
  questionTitle: string;
  answer: string;
  explanation: string;
};

const ROUND_LABELS = { baseline: 'nulmeting', follow_up: 'vervolgonderzoek' } as const;
const VERDICT_LABELS: Record<Verdict | JudgmentVerdict, string> = {
  voldoet: 'voldoet',
  voldoet_let_op: 'voldoet (LET OP)',
  verbeterpunt: 'verbeterpunt',
  geen_oordeel: 'geen oordeel',
  niet_beoordeeld: 'niet beoordeeld',
};
const ROLE_LABELS = { gemeente: 'gemeente', netwerkpartner: 'netwerkpartner' } as const;

/** G, P1 … Pn: the respondent columns every export has, whether or not a partner answered. */
export function respondentCodes(maxPartners: number): string[] {
  return ['G', ...Array.from({ length: maxPartners }, (_, i) => `P${i + 1}`)];
}

/**
 * The rows of the exports, in framework order per investigation. Before judging, LET OP and finding are
 * the analysis' drafts (the empty "Oordeel" column shows they are not the inspector's).
 */
export function indicatorRows(
  outline: FrameworkOutline,
  analysed: readonly AnalysedInvestigation[],
): IndicatorRow[] {
  const titles = questionTitlesOf(outline);
  const rows: IndicatorRow[] = [];
  for (const entry of analysed) {
    const { investigation } = entry;
    const analyses = new Map(entry.analysis.indicators.map((indicator) => [indicator.id, indicator]));
    for (const theme of outline.themes) {
      for (const criterion of theme.criteria) {
        for (const indicator of criterion.indicators) {
          const analysis = analyses.get(indicator.id);
          if (!analysis) continue;
          const judgment = entry.judgments.get(indicator.id);
          const answers: Record<string, string> = {};
          for (const respondent of entry.analysis.respondents) {
            answers[respondent.code] = Object.entries(analysis.answers)
              .map(([question, cells]) =>
                answerLine(titles.get(question) ?? question, cells[respondent.code]),
              )
              .join('\n');
          }
          rows.push({
            municipality: investigation.municipality,
            approach: investigation.approach,
            year: investigation.year,
            round: ROUND_LABELS[roundOf(investigation)],
            theme: theme.title,
            criterion: criterion.title,
            indicatorId: indicator.id,
            indicatorText: indicator.text,
            proposal: VERDICT_LABELS[analysis.proposal.verdict],
            verdict: judgment ? VERDICT_LABELS[judgment.verdict] : '',
            letOp: (judgment ? judgment.letOp : analysis.proposal.letOp) ?? '',
            finding: judgment ? judgment.finding : analysis.proposal.finding,
            flags: flagSummary(analysis.flags.map((flag) => flag.kind)),
            answers,
          });
        }
      }
    }
  }
  return rows;
}

/** Every respondent's answer to every asked question, with the indicator it belongs to. */
export function answerRows(
  outline: FrameworkOutline,
  analysed: readonly AnalysedInvestigation[],
): AnswerRow[] {
  const titles = questionTitlesOf(outline);
  const rows: AnswerRow[] = [];
  for (const entry of analysed) {
    for (const respondent of entry.analysis.respondents) {
      for (const indicator of entry.analysis.indicators) {
        for (const [question, cells] of Object.entries(indicator.answers)) {
          const cell = cells[respondent.code];
          if (!cell) continue;
          rows.push({
            municipality: entry.investigation.municipality,
            approach: entry.investigation.approach,
            year: entry.investigation.year,
            respondent: respondent.code,
            role: ROLE_LABELS[respondent.role],
            organisation: respondent.label ?? '',
            indicatorId: indicator.id,
            question,
            questionTitle: titles.get(question) ?? question,
            answer: cell.display,
            explanation: cell.explanation ?? '',
          });
        }
      }
    }
  }
  return rows;
}

function answerLine(title: string, cell: AnswerCell | undefined): string {
  if (!cell) return '';
  const explanation = cell.explanation ? ` (toelichting: ${cell.explanation})` : '';
  return `${title}: ${cell.display}${explanation}`;
}

/** "tegenspraak 2, onbekend 1", in the order the kinds first occur. */
function flagSummary(kinds: readonly FlagKind[]): string {
  const counts = new Map<FlagKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind} ${count}`).join(', ');
}

function questionTitlesOf(outline: FrameworkOutline): Map<string, string> {
  return new Map(
    outline.themes.flatMap((theme) =>
      theme.criteria.flatMap((criterion) =>
        criterion.indicators.flatMap((indicator) =>
          indicator.questions.map((q) => [q.name, q.title] as const),
        ),
      ),
    ),
  );
}
