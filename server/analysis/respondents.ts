import type { Framework, IndicatorQuestion } from '../framework/framework.schema.js';
import type { AnswerSet, RespondentRole } from '../../shared/analysis/analysis-input.js';
import type { RespondentCode, RespondentSummary } from '../../shared/analysis/analysis-result.js';

/**
 * The summary as the comparisons see it: always the same fields (label possibly undefined), so every
 * answer entry has one object shape whether or not respondents carry labels. The result gets
 * `summaryOf(ref)`, which leaves the label out when there is none.
 */
export interface RespondentRef {
  code: RespondentCode;
  respondentId: string;
  role: RespondentSummary['role'];
  label: string | undefined;
  status: RespondentSummary['status'];
}

export interface Respondent {
  ref: RespondentRef;
  data: Record<string, unknown>;
  /** Only submitted answers count (analysis-rules.md: a draft is never counted). */
  submitted: boolean;
}

export const MUNICIPALITY_CODE: RespondentCode = 'G';

/**
 * The municipality becomes G, partners P1…Pn in input order. A second municipality set cannot pass the
 * input schema; should one arrive anyway it is ignored rather than silently merged.
 */
export function numberRespondents(answerSets: readonly AnswerSet[]): Respondent[] {
  const municipality = answerSets.find((set) => set.role === 'gemeente');
  const partners = answerSets.filter((set) => set.role === 'netwerkpartner');
  const toRespondent = (set: AnswerSet, code: RespondentCode): Respondent => ({
    ref: { code, respondentId: set.respondentId, role: set.role, label: set.label, status: set.status },
    data: set.data,
    submitted: set.status === 'ingediend',
  });
  return [
    ...(municipality ? [toRespondent(municipality, MUNICIPALITY_CODE)] : []),
    ...partners.map((set, index) => toRespondent(set, `P${index + 1}`)),
  ];
}

export function summaryOf(ref: RespondentRef): RespondentSummary {
  return {
    code: ref.code,
    respondentId: ref.respondentId,
    role: ref.role,
    ...(ref.label === undefined ? {} : { label: ref.label }),
    status: ref.status,
  };
}

export function isMunicipality(respondent: Respondent): boolean {
  return respondent.ref.role === 'gemeente';
}

/** The roles whose questionnaire contains the question (`askedOf` names questionnaires, not roles). */
export function rolesAskedFor(framework: Framework, question: IndicatorQuestion): Set<RespondentRole> {
  const roles = new Set<RespondentRole>();
  for (const questionnaire of framework.questionnaires) {
    if (question.askedOf.includes(questionnaire.id)) roles.add(questionnaire.role);
  }
  return roles;
}
