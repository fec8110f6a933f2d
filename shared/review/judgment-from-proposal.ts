import type { Proposal } from '../analysis/analysis-result.js';
import type { JudgmentVerdict } from '../api/review.js';

/**
 * The analysis proposal in the judgment's terms: `voldoet_let_op` is voldoet with a LET OP, and
 * `geen_oordeel` (the municipality has not submitted) is niet_beoordeeld. Used by the judgment editor
 * to prefill and by the demo to judge its baseline.
 */
export function judgmentFromProposal(proposal: Proposal): {
  verdict: JudgmentVerdict;
  letOp: string;
  finding: string;
} {
  const verdict: JudgmentVerdict =
    proposal.verdict === 'voldoet_let_op'
      ? 'voldoet'
      : proposal.verdict === 'geen_oordeel'
        ? 'niet_beoordeeld'
        : proposal.verdict;
  return { verdict, letOp: proposal.letOp ?? '', finding: proposal.finding };
}
