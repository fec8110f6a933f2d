import type {
  CheckboxQuestion,
  CommentQuestion,
  FrameworkIndicator,
  JnwQuestion,
} from '../framework/framework.schema.js';
import type { Flag, JnwAnswer } from '../../shared/analysis/analysis-result.js';
import type { CheckboxItem, CheckboxOutcome } from './compare-checkbox.js';
import type { CommentOutcome } from './compare-comments.js';
import {
  composeSentence,
  describeSubject,
  GEVEN_AAN,
  HEBBEN_NIET_AANGEGEVEN,
  NOEMEN,
  WETEN_NIET,
  joinDutchList,
  pluralise,
  type RespondentGroup,
} from './dutch.js';
import type { VerdictProposal } from './propose-verdict.js';
import { MUNICIPALITY_CODE } from './respondents.js';
import { groupOf, isCounted, isPartner, jnwAnswerOf, type RespondentAnswer } from './respondent-answer.js';
import { fillMissingItems, type RiskOutcome } from './risk-rules.js';

/**
 * Drafted findings in the factsheets' style (Maastricht A9: "Volgens de gemeente en een netwerkpartner
 * is de doorzettingsmacht geregeld … LET OP: Twee netwerkpartners geven aan dat er geen
 * doorzettingsmacht is geregeld."): who said what, by role and count, never by name. A sentence that
 * becomes the LET OP is left out of the finding, as in the factsheets.
 */
export interface DraftInput {
  indicator: FrameworkIndicator;
  answersByQuestion: ReadonlyMap<string, readonly RespondentAnswer[]>;
  checkboxOutcomes: ReadonlyMap<string, CheckboxOutcome>;
  commentOutcomes: ReadonlyMap<string, CommentOutcome>;
  risks: readonly RiskOutcome[];
  proposal: VerdictProposal;
  coreQuestion: JnwQuestion | undefined;
}

export interface DraftedText {
  finding: string;
  letOp?: string;
}

const ANOTHER_PARTNER = ['één netwerkpartner', 'een andere netwerkpartner', 'een derde netwerkpartner'];

const JNW_ORDER: readonly JnwAnswer[] = ['yes', 'no', 'unknown'];
/** JNW_ORDER with the municipality's answer moved to the front. */
const JNW_ORDER_FROM: Record<JnwAnswer, readonly JnwAnswer[]> = {
  yes: ['yes', 'no', 'unknown'],
  no: ['no', 'yes', 'unknown'],
  unknown: ['unknown', 'yes', 'no'],
};

function jnwStatement(
  question: JnwQuestion,
  group: readonly RespondentAnswer[],
  answer: JnwAnswer,
  answering: RespondentGroup,
): string {
  const subject = describeSubject(groupOf(group), answering);
  if (answer === 'unknown') return composeSentence(subject, WETEN_NIET, `of ${question.phrases.yes}`);
  const phrase = answer === 'yes' ? question.phrases.yes : question.phrases.no;
  return composeSentence(subject, GEVEN_AAN, `dat ${phrase}`);
}

function answeringJnw(entries: readonly RespondentAnswer[]): RespondentAnswer[] {
  return entries.filter((entry) => jnwAnswerOf(entry.cell) !== undefined);
}

/**
 * The base against which a group is named is everyone who submitted the question, answered or not:
 * "één netwerkpartner", not "de netwerkpartner", when the other two left a follow-up question empty.
 */
function countedGroup(entries: readonly RespondentAnswer[]): RespondentGroup {
  return groupOf(entries.filter(isCounted));
}

/** One sentence per answer; the municipality's answer first, then ja, nee, weet niet. */
function describeJnw(question: JnwQuestion, entries: readonly RespondentAnswer[]): string[] {
  const answering = answeringJnw(entries);
  const answeringGroup = countedGroup(entries);
  const municipal = answering.find((entry) => !isPartner(entry));
  const municipalAnswer = municipal ? jnwAnswerOf(municipal.cell) : undefined;
  const order = municipalAnswer ? JNW_ORDER_FROM[municipalAnswer] : JNW_ORDER;
  const sentences: string[] = [];
  for (const answer of order) {
    const group = answering.filter((entry) => jnwAnswerOf(entry.cell) === answer);
    if (group.length > 0) sentences.push(jnwStatement(question, group, answer, answeringGroup));
  }
  return sentences;
}

/** Items grouped by exactly who named them; widest agreement first, independent of partner numbering. */
function itemGroups(outcome: CheckboxOutcome): CheckboxItem[][] {
  const items = outcome.comparison.items;
  const groups = new Map<string, CheckboxItem[]>();
  for (const item of items) {
    const key = item.namedBy.join(' ');
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const rank = (group: readonly CheckboxItem[]): [number, number, number] => {
    const first = group[0];
    if (first === undefined) return [0, 0, 0];
    return [-first.namedBy.length, first.namedBy.includes(MUNICIPALITY_CODE) ? 0 : 1, items.indexOf(first)];
  };
  return [...groups.values()].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
  });
}

function entriesFor(outcome: CheckboxOutcome, codes: readonly string[]): RespondentAnswer[] {
  return outcome.answering.filter((entry) => codes.includes(entry.respondent.code));
}

function labelsOf(items: readonly CheckboxItem[]): string {
  return joinDutchList(items.map((item) => item.label));
}

/** "Alle ondervraagden noemen het Veiligheidshuis als aanmeldpunt." (Maastricht T3), then the rest. */
function describeCheckbox(
  question: CheckboxQuestion,
  outcome: CheckboxOutcome,
  entries: readonly RespondentAnswer[],
  excluded: ReadonlySet<CheckboxItem>,
): string[] {
  const answering = countedGroup(entries);
  const sentences: string[] = [];
  let afterEveryone = false;
  let singlePartners = 0;
  for (const group of itemGroups(outcome).filter((items) => !items.some((item) => excluded.has(item)))) {
    const namedBy = group[0]?.namedBy ?? [];
    const described = describeSubject(groupOf(entriesFor(outcome, namedBy)), answering);
    // Groups are keyed by exactly who named them, so two one-partner groups are two different partners.
    const subject =
      described.phrase === 'één netwerkpartner'
        ? { ...described, phrase: ANOTHER_PARTNER[singlePartners++] ?? 'een andere netwerkpartner' }
        : described;
    const everyone = namedBy.length === outcome.answering.length && namedBy.length > 1;
    const addition = afterEveryone ? 'daarnaast ' : '';
    sentences.push(
      composeSentence(subject, NOEMEN, `${addition}${labelsOf(group)} ${question.phrases.topic}`),
    );
    afterEveryone ||= everyone;
  }
  // Sorted, not in partner order: the drafted text must not depend on how partners are numbered.
  // Two respondents writing the same "other" text name one thing: "“x” en “x”" reads as a mistake.
  const others = [...new Set(outcome.comparison.otherTexts.map((other) => `“${other.text}”`))].sort();
  if (others.length > 0) {
    sentences.push(
      `Daarnaast ${pluralise(others.length, 'wordt', 'worden')} genoemd: ${joinDutchList(others)}.`,
    );
  }
  return sentences;
}

/**
 * Whose descriptions the deviating ones differ from: "de gemeente", "de andere netwerkpartner", "de
 * netwerkpartners", "de andere ondervraagden". "De andere ondervraagden" for the municipality alone
 * hid who the reference was.
 */
function describeOthers(others: RespondentGroup, deviating: RespondentGroup): string {
  const other = deviating.partners > 0 ? 'andere ' : '';
  if (others.municipality) return others.partners === 0 ? 'de gemeente' : 'de andere ondervraagden';
  return others.partners === 1 ? `de ${other}netwerkpartner` : `de ${other}netwerkpartners`;
}

function deviationSentence(question: CommentQuestion, outcome: CommentOutcome): string | undefined {
  if (outcome.compared.length < 2 || outcome.deviating.length === 0) return undefined;
  if (outcome.deviating.length === outcome.compared.length) {
    return `De omschrijvingen van ${question.phrases.topic} lopen uiteen: er is weinig overeenkomst tussen de ondervraagden.`;
  }
  const subject = describeSubject(groupOf(outcome.deviating), groupOf(outcome.compared));
  const reference = describeOthers(
    groupOf(outcome.compared.filter((entry) => !outcome.deviating.includes(entry))),
    groupOf(outcome.deviating),
  );
  const count = outcome.deviating.length;
  return (
    `${pluralise(count, 'De omschrijving', 'De omschrijvingen')} van ${question.phrases.topic} door ` +
    `${subject.phrase} ${pluralise(count, 'wijkt', 'wijken')} af van die van ${reference}.`
  );
}

function describeComments(question: CommentQuestion, outcome: CommentOutcome): string[] {
  if (outcome.compared.length < 2) return [];
  return [
    deviationSentence(question, outcome) ??
      `De omschrijvingen van ${question.phrases.topic} komen in grote lijnen overeen.`,
  ];
}

/**
 * Items that the LET OP reports (named by the municipality but few partners, or the other way round)
 * are left out of the finding so the minority appears once, in the LET OP.
 */
function itemsInLetOp(input: DraftInput): Set<CheckboxItem> {
  if (input.proposal.verdict !== 'voldoet_let_op') return new Set();
  return new Set(
    input.proposal.concerns
      .filter((flag) => flag.kind === 'uiteenlopend')
      .flatMap((flag) => {
        const outcome = input.checkboxOutcomes.get(flag.question);
        return outcome ? [...outcome.municipalOnly, ...outcome.partnerMajority] : [];
      }),
  );
}

function describeQuestions(input: DraftInput): string[] {
  const excluded = itemsInLetOp(input);
  const sentences: string[] = [];
  const add = (more: readonly string[]): void => {
    for (const sentence of more) sentences.push(sentence);
  };
  for (const question of input.indicator.questions) {
    const entries = input.answersByQuestion.get(question.name) ?? [];
    switch (question.kind) {
      case 'jnw':
        add(describeJnw(question, entries));
        break;
      case 'checkbox': {
        const outcome = input.checkboxOutcomes.get(question.name);
        if (outcome) add(describeCheckbox(question, outcome, entries, excluded));
        break;
      }
      case 'comment': {
        const outcome = input.commentOutcomes.get(question.name);
        if (outcome) add(describeComments(question, outcome));
        break;
      }
      case 'text':
        break;
      default: {
        const unexpected: never = question;
        return unexpected;
      }
    }
  }
  return sentences;
}

function riskSentences(risks: readonly RiskOutcome[]): string[] {
  const sentences: string[] = [];
  const missingByRule = new Map<RiskOutcome['rule'], string[]>();
  for (const risk of risks) {
    if (risk.missingLabel !== undefined) {
      missingByRule.set(risk.rule, [...(missingByRule.get(risk.rule) ?? []), risk.missingLabel]);
    } else {
      const subject = describeSubject(groupOf(risk.matching), groupOf(risk.counted));
      sentences.push(composeSentence(subject, GEVEN_AAN, `dat ${risk.rule.message}`));
    }
  }
  for (const [rule, labels] of missingByRule) {
    sentences.push(`Uit de antwoorden blijkt dat ${fillMissingItems(rule, labels)}.`);
  }
  return sentences;
}

function checkboxConcern(
  question: CheckboxQuestion,
  outcome: CheckboxOutcome,
  entries: readonly RespondentAnswer[],
): string[] {
  const answering = countedGroup(entries);
  const topic = question.phrases.topic;
  const byNamers = (items: readonly CheckboxItem[]): CheckboxItem[][] =>
    itemGroups(outcome)
      .map((group) => group.filter((item) => items.includes(item)))
      .filter((group) => group.length > 0);
  const sentences = [
    ...byNamers(outcome.municipalOnly).map((group) => {
      const subject = describeSubject(groupOf(entriesFor(outcome, group[0]?.namedBy ?? [])), answering);
      return composeSentence(
        { ...subject, phrase: `alleen ${subject.phrase}` },
        NOEMEN,
        `${labelsOf(group)} ${topic}`,
      );
    }),
    ...byNamers(outcome.partnerMajority).map((group) => {
      const subject = describeSubject(groupOf(entriesFor(outcome, group[0]?.namedBy ?? [])), answering);
      return composeSentence(subject, NOEMEN, `${labelsOf(group)} ${topic}, de gemeente niet`);
    }),
  ];
  if (sentences.length === 0 && outcome.noneCommon) {
    sentences.push(`Er is niets dat alle ondervraagden ${topic} noemen.`);
  }
  return sentences;
}

function concernSentences(input: DraftInput, flag: Flag): string[] {
  const question = input.indicator.questions.find((candidate) => candidate.name === flag.question);
  if (question === undefined) return [];
  const entries = input.answersByQuestion.get(question.name) ?? [];
  const flagged = entries.filter((entry) => flag.respondents.includes(entry.respondent.code));
  switch (flag.kind) {
    case 'tegenspraak':
    case 'onbekend': {
      if (question.kind !== 'jnw') return [];
      const answer = flagged[0] ? jnwAnswerOf(flagged[0].cell) : undefined;
      return answer ? [jnwStatement(question, flagged, answer, countedGroup(entries))] : [];
    }
    case 'verdeeld': {
      if (question.kind !== 'jnw') return [];
      const municipal = entries.find((entry) => !isPartner(entry));
      const municipalPart =
        municipal && jnwAnswerOf(municipal.cell) === 'unknown'
          ? `De gemeente weet niet of ${question.phrases.yes}`
          : `De gemeente heeft niet aangegeven of ${question.phrases.yes}`;
      return [`${municipalPart}; de netwerkpartners zijn het hierover niet eens.`];
    }
    case 'uiteenlopend': {
      const outcome = input.checkboxOutcomes.get(question.name);
      return question.kind === 'checkbox' && outcome ? checkboxConcern(question, outcome, entries) : [];
    }
    case 'afwijkende_omschrijving': {
      const outcome = input.commentOutcomes.get(question.name);
      const sentence =
        question.kind === 'comment' && outcome ? deviationSentence(question, outcome) : undefined;
      return sentence ? [sentence] : [];
    }
    case 'risico':
      return riskSentences(input.risks.filter((risk) => risk.flag === flag));
    case 'ontbreekt':
      return [];
    default: {
      const unexpected: never = flag.kind;
      return unexpected;
    }
  }
}

function unansweredCoreSentence(input: DraftInput): string[] {
  const core = input.coreQuestion;
  const unanswered = input.proposal.unansweredCore;
  if (core === undefined || unanswered.length === 0) return [];
  const partners = (input.answersByQuestion.get(core.name) ?? []).filter(
    (entry) => isPartner(entry) && entry.cell.state !== 'not_asked' && entry.cell.state !== 'not_submitted',
  );
  const subject = describeSubject(groupOf(unanswered), groupOf(partners));
  return [composeSentence(subject, HEBBEN_NIET_AANGEGEVEN, `of ${core.phrases.yes}`)];
}

function concerns(input: DraftInput): string[] {
  const sentences: string[] = [];
  for (const flag of input.proposal.concerns) {
    for (const sentence of concernSentences(input, flag)) sentences.push(sentence);
  }
  return sentences;
}

const NOTHING_TO_SUMMARISE = 'Er zijn geen ingediende antwoorden om samen te vatten.';

function unique(sentences: readonly string[]): string[] {
  // A handful of long, freshly concatenated strings: comparing them is cheaper than hashing them all.
  const result: string[] = [];
  for (const sentence of sentences) if (!result.includes(sentence)) result.push(sentence);
  return result;
}

/** The finding and, for "voldoet, let op", the LET OP text (without its "LET OP:" label). */
export function draftFinding(input: DraftInput): DraftedText {
  const statements = unique(describeQuestions(input));
  const verdict = input.proposal.verdict;
  switch (verdict) {
    case 'voldoet_let_op': {
      const letOp = unique([...concerns(input), ...unansweredCoreSentence(input)]);
      const finding = statements.filter((sentence) => !letOp.includes(sentence));
      return {
        finding: finding.join(' ') || NOTHING_TO_SUMMARISE,
        ...(letOp.length > 0 ? { letOp: letOp.join(' ') } : {}),
      };
    }
    case 'verbeterpunt':
      return {
        finding: unique([...statements, ...riskSentences(input.risks)]).join(' ') || NOTHING_TO_SUMMARISE,
      };
    case 'voldoet':
      return { finding: statements.join(' ') || NOTHING_TO_SUMMARISE };
    case 'geen_oordeel':
      // The reason says why ("De gemeente heeft de vragenlijst nog niet ingediend."); partners' answers follow.
      return { finding: [input.proposal.reason, ...statements].join(' ') };
    default: {
      const unexpected: never = verdict;
      return unexpected;
    }
  }
}
