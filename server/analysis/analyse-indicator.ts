import type {
  Framework,
  FrameworkIndicator,
  IndicatorQuestion,
  JnwQuestion,
} from '../framework/framework.schema.js';
import type {
  AnswerCell,
  Flag,
  IndicatorAnalysis,
  JnwAnswer,
  RespondentCode,
} from '../../shared/analysis/analysis-result.js';
import { compareCheckbox, type CheckboxOutcome } from './compare-checkbox.js';
import { compareComments, type CommentOutcome } from './compare-comments.js';
import { compareJnw } from './compare-jnw.js';
import { draftFinding } from './draft-finding.js';
import { findMissingAnswers } from './missing-answers.js';
import { proposeVerdict, type VerdictBasis, type VerdictProposal } from './propose-verdict.js';
import { indicatorLookup, questionLookup } from './framework-lookups.js';
import { readAnswer } from './read-answer.js';
import { jnwAnswerOf, type RespondentAnswer } from './respondent-answer.js';
import type { Respondent } from './respondents.js';
import { evaluateRiskRules, type RiskOutcome } from './risk-rules.js';

export interface IndicatorPlace {
  theme: string;
  criterion: string;
}

function chooseBasis(
  indicator: FrameworkIndicator,
  core: JnwQuestion | undefined,
  answersByQuestion: ReadonlyMap<string, readonly RespondentAnswer[]>,
  checkboxOutcomes: ReadonlyMap<string, CheckboxOutcome>,
  commentOutcomes: ReadonlyMap<string, CommentOutcome>,
): VerdictBasis {
  if (core) return { kind: 'jnw', question: core, entries: answersByQuestion.get(core.name) ?? [] };
  // Indicators without a jnw question (T1, T3, T4, A3, S3) are decided by their checkbox comparison.
  const checkbox = indicator.questions.find((question) => question.kind === 'checkbox');
  const checkboxOutcome = checkbox ? checkboxOutcomes.get(checkbox.name) : undefined;
  if (checkboxOutcome) return { kind: 'checkbox', outcome: checkboxOutcome };
  const comment = indicator.questions.find((question) => question.kind === 'comment');
  const commentOutcome = comment ? commentOutcomes.get(comment.name) : undefined;
  if (commentOutcome) return { kind: 'comment', outcome: commentOutcome };
  return { kind: 'none' };
}

function readAll(
  framework: Framework,
  question: IndicatorQuestion,
  respondents: readonly Respondent[],
): RespondentAnswer[] {
  const lookup = questionLookup(framework, question);
  const entries: RespondentAnswer[] = [];
  for (const respondent of respondents) {
    entries.push({
      respondent: respondent.ref,
      cell: readAnswer(framework, question, respondent, lookup),
    });
  }
  return entries;
}

/** What an indicator's answers say before anything is written down: the inputs of the drafted finding. */
export interface IndicatorAssessment {
  core: JnwQuestion | undefined;
  answersByQuestion: Map<string, RespondentAnswer[]>;
  checkboxOutcomes: Map<string, CheckboxOutcome>;
  commentOutcomes: Map<string, CommentOutcome>;
  risks: RiskOutcome[];
  flags: Flag[];
  proposal: VerdictProposal;
}

/**
 * Reads the answers, compares them and proposes a verdict. The overview needs no more than this; the
 * drafted finding (about a third of the analysis time) is left to `analyseIndicator`.
 */
export function assessIndicator(
  framework: Framework,
  respondents: readonly Respondent[],
  indicator: FrameworkIndicator,
): IndicatorAssessment {
  const answersByQuestion = new Map<string, RespondentAnswer[]>();
  for (const question of indicator.questions) {
    answersByQuestion.set(question.name, readAll(framework, question, respondents));
  }
  const core = indicatorLookup(framework, indicator).core;
  const coreEntries = core ? (answersByQuestion.get(core.name) ?? []) : [];
  const coreAnswerOf = (code: RespondentCode): JnwAnswer | undefined => {
    const entry = coreEntries.find((candidate) => candidate.respondent.code === code);
    return entry ? jnwAnswerOf(entry.cell) : undefined;
  };

  const checkboxOutcomes = new Map<string, CheckboxOutcome>();
  const commentOutcomes = new Map<string, CommentOutcome>();
  const flags: Flag[] = [];
  for (const question of indicator.questions) {
    const entries = answersByQuestion.get(question.name) ?? [];
    switch (question.kind) {
      case 'jnw':
        for (const flag of compareJnw(question, entries)) flags.push(flag);
        break;
      case 'checkbox': {
        const outcome = compareCheckbox(question, entries, questionLookup(framework, question).labels);
        checkboxOutcomes.set(question.name, outcome);
        for (const flag of outcome.flags) flags.push(flag);
        break;
      }
      case 'comment': {
        const outcome = compareComments(question, entries);
        commentOutcomes.set(question.name, outcome);
        for (const flag of outcome.flags) flags.push(flag);
        break;
      }
      case 'text':
        break;
      default: {
        const unexpected: never = question;
        return unexpected;
      }
    }
    const missing = findMissingAnswers(question, entries, coreAnswerOf, question === core);
    if (missing) flags.push(missing);
  }
  const risks = evaluateRiskRules(indicator, answersByQuestion);
  for (const risk of risks) flags.push(risk.flag);

  const municipalitySubmitted = respondents.some(
    (respondent) => respondent.ref.role === 'gemeente' && respondent.submitted,
  );
  const basis = chooseBasis(indicator, core, answersByQuestion, checkboxOutcomes, commentOutcomes);
  const proposal = proposeVerdict({ municipalitySubmitted, basis, flags });
  return { core, answersByQuestion, checkboxOutcomes, commentOutcomes, risks, flags, proposal };
}

/** Everything the inspector sees for one indicator: answers, flags, proposal and drafted finding. */
export function analyseIndicator(
  framework: Framework,
  respondents: readonly Respondent[],
  indicator: FrameworkIndicator,
  place: IndicatorPlace,
): IndicatorAnalysis {
  const { core, answersByQuestion, checkboxOutcomes, commentOutcomes, risks, flags, proposal } =
    assessIndicator(framework, respondents, indicator);
  const drafted = draftFinding({
    indicator,
    answersByQuestion,
    checkboxOutcomes,
    commentOutcomes,
    risks,
    proposal,
    coreQuestion: core,
  });

  const answers: Record<string, Record<RespondentCode, AnswerCell>> = {};
  for (const [name, entries] of answersByQuestion) {
    // A plain loop, not Object.fromEntries: same keys in the same order, a fraction of the cost.
    const cells: Record<RespondentCode, AnswerCell> = {};
    for (const entry of entries) cells[entry.respondent.code] = entry.cell;
    answers[name] = cells;
  }
  return {
    id: indicator.id,
    theme: place.theme,
    criterion: place.criterion,
    proposal: {
      verdict: proposal.verdict,
      ...(drafted.letOp === undefined ? {} : { letOp: drafted.letOp }),
      finding: drafted.finding,
      reason: proposal.reason,
    },
    flags,
    answers,
    comparisons: {
      checkbox: [...checkboxOutcomes.values()].map((outcome) => outcome.comparison),
      comments: [...commentOutcomes.values()].map((outcome) => outcome.comparison),
    },
  };
}
