import type { FrameworkIndicator, RiskRule } from '../framework/framework.schema.js';
import type { Flag } from '../../shared/analysis/analysis-result.js';
import { capitalise, joinDutchList, pluralise } from './dutch.js';
import {
  checkboxValuesOf,
  codesOf,
  isCounted,
  isPartner,
  type RespondentAnswer,
} from './respondent-answer.js';

export interface RiskOutcome {
  rule: RiskRule;
  flag: Flag;
  /** The respondents whose answers fired the rule (empty for named_by_none). */
  matching: RespondentAnswer[];
  /** Everyone who answered the rule's question. */
  answering: RespondentAnswer[];
  /** Everyone who submitted it, answered or not: the base for "alle ondervraagden" in drafted text. */
  counted: RespondentAnswer[];
  /** named_by_none: the label of the item nobody named. */
  missingLabel?: string;
}

const ITEMS_PLACEHOLDER = '{items}';

function namesForMessage(entries: readonly RespondentAnswer[]): string {
  return joinDutchList(entries.map((entry) => (isPartner(entry) ? entry.respondent.code : 'de gemeente')));
}

function matchesSingleValue(entry: RespondentAnswer, expected: string): boolean {
  const value = entry.cell.value;
  if (value === undefined) return false;
  switch (value.kind) {
    case 'jnw':
      return value.value === expected;
    case 'comment':
    case 'text':
      return value.text === expected;
    case 'checkbox':
      return value.values.length === 1 && value.values[0] === expected;
    default: {
      const unexpected: never = value;
      return unexpected;
    }
  }
}

/** Who fires the rule, per its `who`: any respondent, the municipality, all partners, or either. */
function selectMatching(
  rule: RiskRule,
  answering: readonly RespondentAnswer[],
  matches: (entry: RespondentAnswer) => boolean,
): RespondentAnswer[] {
  const municipal = answering.filter((entry) => !isPartner(entry) && matches(entry));
  const partners = answering.filter(isPartner);
  const allPartners = partners.length > 0 && partners.every(matches) ? partners : [];
  switch (rule.who) {
    case 'any':
      return answering.filter(matches);
    case 'gemeente':
      return municipal;
    case 'all_partners':
      return allPartners;
    case 'gemeente_or_all_partners':
      return [...municipal, ...allPartners];
    default: {
      const unexpected: never = rule.who;
      return unexpected;
    }
  }
}

/**
 * Content rules (`risico`) from the framework, independent of agreement: e.g. A14 "the family is let go
 * when it stops cooperating" (Venlo, Sittard-Geleen and Almere 2013 all made this an improvement point).
 * Only submitted answers count; a rule about a question nobody answered does not fire.
 */
export function evaluateRiskRules(
  indicator: FrameworkIndicator,
  answersByQuestion: ReadonlyMap<string, readonly RespondentAnswer[]>,
): RiskOutcome[] {
  const outcomes: RiskOutcome[] = [];
  for (const rule of indicator.rules) {
    const question = indicator.questions.find((candidate) => candidate.name === rule.question);
    const entries = answersByQuestion.get(rule.question) ?? [];
    const answering = entries.filter((entry) => entry.cell.state === 'answered');
    if (question === undefined || answering.length === 0) continue;
    const condition = rule.condition;
    switch (condition.type) {
      case 'contains':
      case 'equals': {
        const matches =
          condition.type === 'contains'
            ? (entry: RespondentAnswer) => (checkboxValuesOf(entry.cell) ?? []).includes(condition.value)
            : (entry: RespondentAnswer) => matchesSingleValue(entry, condition.value);
        const matching = selectMatching(rule, answering, matches);
        if (matching.length === 0) break;
        outcomes.push({
          rule,
          matching,
          answering,
          counted: entries.filter(isCounted),
          flag: {
            kind: 'risico',
            question: rule.question,
            respondents: codesOf(matching),
            count: matching.length,
            of: answering.length,
            level: rule.level,
            // No "Risico:" prefix: the signal is listed under its kind, and a prefix made every second
            // sentence start in lower case.
            message: `${capitalise(namesForMessage(matching))} ${pluralise(matching.length, 'geeft', 'geven')} aan dat ${rule.message}.`,
          },
        });
        break;
      }
      case 'named_by_none': {
        const labels =
          question.kind === 'checkbox'
            ? new Map(question.choices.map((choice) => [choice.value, choice.label]))
            : new Map<string, string>();
        const named = new Set(answering.flatMap((entry) => checkboxValuesOf(entry.cell) ?? []));
        for (const value of condition.values.filter((candidate) => !named.has(candidate))) {
          const missingLabel = labels.get(value) ?? value;
          outcomes.push({
            rule,
            matching: [],
            answering,
            counted: entries.filter(isCounted),
            missingLabel,
            flag: {
              kind: 'risico',
              question: rule.question,
              respondents: [],
              count: 0,
              of: answering.length,
              level: rule.level,
              message: `Uit de antwoorden blijkt dat ${rule.message.replaceAll(ITEMS_PLACEHOLDER, missingLabel)}.`,
            },
          });
        }
        break;
      }
      default: {
        const unexpected: never = condition;
        return unexpected;
      }
    }
  }
  return outcomes;
}

/** The named_by_none message with every missing item of the rule filled in ("a, b en c"). */
export function fillMissingItems(rule: RiskRule, labels: readonly string[]): string {
  return rule.message.replaceAll(ITEMS_PLACEHOLDER, joinDutchList(labels));
}
