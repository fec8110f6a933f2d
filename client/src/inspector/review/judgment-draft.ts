import type { Proposal } from '../../../../shared/analysis/analysis-result.js';
import type { Judgment, JudgmentInput, JudgmentVerdict } from '../../../../shared/api/review.js';
import { judgmentFromProposal } from '../../../../shared/review/judgment-from-proposal.js';

export type JudgmentDraft = { verdict: JudgmentVerdict; letOp: string; finding: string };

/** The proposal as the editor's starting point (see judgmentFromProposal for the mapping). */
export const draftFromProposal = (proposal: Proposal): JudgmentDraft => judgmentFromProposal(proposal);

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
