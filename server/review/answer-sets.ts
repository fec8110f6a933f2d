import type { Types } from 'mongoose';
import mongoose from 'mongoose';
import type { AnswerSet } from '../../shared/analysis/analysis-input.js';
import type { Models } from '../models/index.js';

type RespondentRow = {
  _id: Types.ObjectId;
  investigation: Types.ObjectId;
  role: AnswerSet['role'];
  slot: number;
  organisation: string;
  revokedAt?: Date | null;
  submittedAt?: Date | null;
  startedAt?: Date | null;
};
type ResponseRow = {
  respondent: Types.ObjectId;
  status: 'concept' | 'ingediend';
  data: Record<string, unknown>;
};

/**
 * The analysis input of several investigations, loaded with two queries whatever their number (the
 * overview asks for hundreds). Per investigation: the municipality first, then the partners by slot, so
 * P1…P3 stay the same between requests. A revoked respondent counts only if it had submitted: revoking
 * a link after submission does not withdraw the answers.
 */
export async function loadAnswerSets(
  models: Models,
  investigationIds: readonly Types.ObjectId[],
): Promise<Map<string, AnswerSet[]>> {
  const ids = [...investigationIds];
  const respondents = await models.Respondent.find(
    { investigation: mongoose.trusted({ $in: ids }) },
    { investigation: 1, role: 1, slot: 1, organisation: 1, revokedAt: 1, submittedAt: 1, startedAt: 1 },
  ).lean<RespondentRow[]>();
  const counted = respondents.filter((r) => !r.revokedAt || r.submittedAt);
  const responses = await models.Response.find(
    { respondent: mongoose.trusted({ $in: counted.map((r) => r._id) }) },
    { respondent: 1, status: 1, data: 1 },
  ).lean<ResponseRow[]>();
  const responseOf = new Map(responses.map((r) => [r.respondent.toString(), r]));

  const byInvestigation = new Map<string, AnswerSet[]>(ids.map((id) => [id.toString(), []]));
  counted.sort((a, b) => a.slot - b.slot);
  for (const respondent of counted) {
    const response = responseOf.get(respondent._id.toString());
    const status: AnswerSet['status'] =
      response?.status === 'ingediend'
        ? 'ingediend'
        : response && respondent.startedAt
          ? 'concept'
          : 'niet_gestart';
    byInvestigation.get(respondent.investigation.toString())?.push({
      respondentId: respondent._id.toString(),
      role: respondent.role,
      label: respondent.organisation,
      status,
      // Drafts are never counted (analysis-rules.md); their data stays out of the analysis entirely.
      data: status === 'ingediend' ? (response?.data ?? {}) : {},
    });
  }
  return byInvestigation;
}

export async function loadAnswerSetsOf(
  models: Models,
  investigationId: Types.ObjectId,
): Promise<AnswerSet[]> {
  return (await loadAnswerSets(models, [investigationId])).get(investigationId.toString()) ?? [];
}
