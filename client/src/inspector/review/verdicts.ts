import type { FlagKind, Verdict } from '../../../../shared/analysis/analysis-result.js';
import type { Judgment, JudgmentVerdict } from '../../../../shared/api/review.js';

/** Everything a cell can show: a proposal's verdict or a judged one (niet_beoordeeld only exists judged). */
export type ShownVerdict = Verdict | JudgmentVerdict;

type VerdictLook = { symbol: string; label: string; tone: 'ok' | 'letop' | 'bad' | 'none' };

/** Symbol + words + tone: the verdict reads without colour (WCAG 1.4.1). */
export const verdictLook: Record<ShownVerdict, VerdictLook> = {
  voldoet: { symbol: '✓', label: 'voldoet', tone: 'ok' },
  voldoet_let_op: { symbol: '✓!', label: 'voldoet, let op', tone: 'letop' },
  verbeterpunt: { symbol: '✗', label: 'verbeterpunt', tone: 'bad' },
  geen_oordeel: { symbol: '–', label: 'geen oordeel', tone: 'none' },
  niet_beoordeeld: { symbol: '–', label: 'niet beoordeeld', tone: 'none' },
};

/** A judged "voldoet" with a LET OP reads as the proposal's voldoet_let_op. */
export function judgedVerdict(judgment: Pick<Judgment, 'verdict' | 'letOp'>): ShownVerdict {
  return judgment.verdict === 'voldoet' && judgment.letOp ? 'voldoet_let_op' : judgment.verdict;
}

export const flagKindLabels: Record<FlagKind, string> = {
  tegenspraak: 'Tegenspraak met de gemeente',
  onbekend: 'Onbekend bij netwerkpartners',
  verdeeld: 'Verdeelde antwoorden',
  uiteenlopend: 'Uiteenlopende opsommingen',
  afwijkende_omschrijving: 'Afwijkende omschrijving',
  risico: 'Risico',
  ontbreekt: 'Ontbreekt',
};

/** The kinds that mean respondents disagree or something needs attention; `ontbreekt` is only absence. */
export const isDeviation = (kind: FlagKind) => kind !== 'ontbreekt';

export const judgmentVerdictLabels: Record<JudgmentVerdict, string> = {
  voldoet: 'Voldoet',
  verbeterpunt: 'Verbeterpunt',
  niet_beoordeeld: 'Niet beoordeeld',
};
