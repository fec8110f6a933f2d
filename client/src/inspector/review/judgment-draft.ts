import type { Proposal } from '../../../../shared/analysis/analysis-result.js';
import type { Judgment, JudgmentInput, JudgmentVerdict } from '../../../../shared/api/review.js';

export type JudgmentDraft = { verdict: JudgmentVerdict; letOp: string; finding: string };

/** The proposal in the judgment's terms: voldoet_let_op is voldoet with a LET OP, geen_oordeel is niet_beoordeeld. */
export function draftFromProposal(proposal: Proposal): JudgmentDraft {
  const verdict: JudgmentVerdict =
    proposal.verdict === 'voldoet_let_op'
      ? 'voldoet'
      : proposal.verdict === 'geen_oordeel'
        ? 'niet_beoordeeld'
        : proposal.verdict;
  return { verdict, letOp: proposal.letOp ?? '', finding: proposal.finding };
}

export const draftFromJudgment = (judgment: Judgment): JudgmentDraft => ({
  verdict: judgment.verdict,
  letOp: judgment.letOp ?? '',
  finding: judgment.finding,
});

/** A LET OP belongs to a "voldoet" only; elsewhere the field is hidden and not sent. */
export function toInput(draft: JudgmentDraft, revision: number | undefined): JudgmentInput {
  const letOp = draft.verdict === 'voldoet' ? draft.letOp.trim() : '';
  return {
    verdict: draft.verdict,
    ...(letOp ? { letOp } : {}),
    finding: draft.finding.trim(),
    ...(revision !== undefined ? { revision } : {}),
  };
}

export const sameDraft = (a: JudgmentDraft, b: JudgmentDraft) =>
  a.verdict === b.verdict && a.letOp.trim() === b.letOp.trim() && a.finding.trim() === b.finding.trim();

/**
 * Unsaved edits per indicator, kept while the inspector moves between indicators (the editor is
 * recreated for each one), so j/k never throws work away. Gone on reload, like any unsaved form.
 */
const unsaved = new Map<string, JudgmentDraft>();
const draftKey = (investigationId: string, indicatorId: string) => `${investigationId}/${indicatorId}`;

export const unsavedDrafts = {
  get: (investigationId: string, indicatorId: string) => unsaved.get(draftKey(investigationId, indicatorId)),
  set: (investigationId: string, indicatorId: string, draft: JudgmentDraft) =>
    unsaved.set(draftKey(investigationId, indicatorId), draft),
  clear: (investigationId: string, indicatorId: string) =>
    unsaved.delete(draftKey(investigationId, indicatorId)),
};
