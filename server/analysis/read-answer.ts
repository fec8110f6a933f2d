import type { CheckboxQuestion, Framework, IndicatorQuestion } from '../framework/framework.schema.js';
import type { RespondentRole } from '../../shared/analysis/analysis-input.js';
import type { AnswerCell, AnswerValue, JnwAnswer } from '../../shared/analysis/analysis-result.js';
import type { Respondent } from './respondents.js';

/** SurveyJS stores the "Anders, namelijk" choice as this value and its text under `<name>-Comment`. */
const OTHER_VALUE = 'other';
const OTHER_COMMENT_SUFFIX = '-Comment';

const JNW_DISPLAY: Record<JnwAnswer, string> = { yes: 'Ja', no: 'Nee', unknown: 'Weet ik niet' };

type Reading =
  { state: 'answered'; value: AnswerValue; display: string } | { state: 'empty' } | { state: 'invalid' };

function ownValue(data: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(data, key) ? data[key] : undefined;
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function readJnw(raw: unknown, scale: Framework['answerScale']): Reading {
  if (isBlank(raw)) return { state: 'empty' };
  const answer: JnwAnswer | undefined =
    raw === scale.yes ? 'yes' : raw === scale.no ? 'no' : raw === scale.unknown ? 'unknown' : undefined;
  if (answer === undefined || typeof raw !== 'string') return { state: 'invalid' };
  return { state: 'answered', value: { kind: 'jnw', answer, value: raw }, display: JNW_DISPLAY[answer] };
}

function readCheckbox(raw: unknown, otherRaw: unknown, question: CheckboxQuestion): Reading {
  if (isBlank(raw)) return { state: 'empty' };
  if (!Array.isArray(raw)) return { state: 'invalid' };
  const named = new Set(raw.filter((entry): entry is string => typeof entry === 'string'));
  if (named.size === 0) return raw.length === 0 ? { state: 'empty' } : { state: 'invalid' };
  const known = question.choices.filter((choice) => named.has(choice.value));
  const knownValues = new Set(known.map((choice) => choice.value));
  // Values from an older questionnaire version are kept, not dropped: the inspector should see them.
  const unknown = [...named].filter((value) => value !== OTHER_VALUE && !knownValues.has(value)).sort();
  const other = named.has(OTHER_VALUE) ? (typeof otherRaw === 'string' ? otherRaw.trim() : '') : undefined;
  const labels = [...known.map((choice) => choice.label), ...unknown];
  if (other !== undefined) labels.push(other === '' ? 'anders' : `anders: ${other}`);
  return {
    state: 'answered',
    value: {
      kind: 'checkbox',
      values: [...known.map((choice) => choice.value), ...unknown],
      ...(other === undefined ? {} : { other }),
    },
    display: labels.join('; '),
  };
}

function readText(raw: unknown, kind: 'comment' | 'text'): Reading {
  if (isBlank(raw)) return { state: 'empty' };
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
  if (text === undefined) return { state: 'invalid' };
  return { state: 'answered', value: { kind, text }, display: text };
}

function readValue(
  framework: Framework,
  question: IndicatorQuestion,
  data: Record<string, unknown>,
): Reading {
  const raw = ownValue(data, question.name);
  switch (question.kind) {
    case 'jnw':
      return readJnw(raw, framework.answerScale);
    case 'checkbox':
      return readCheckbox(raw, ownValue(data, question.name + OTHER_COMMENT_SUFFIX), question);
    case 'comment':
    case 'text':
      return readText(raw, question.kind);
    default: {
      const unexpected: never = question;
      return unexpected;
    }
  }
}

function readExplanation(
  framework: Framework,
  question: IndicatorQuestion,
  data: Record<string, unknown>,
): string | undefined {
  if (question.kind !== 'jnw' || framework.explanationSuffix === undefined) return undefined;
  const raw = ownValue(data, question.name + framework.explanationSuffix);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

/** One respondent's answer to one question, read defensively: any data shape yields a cell, never a throw. */
export function readAnswer(
  framework: Framework,
  question: IndicatorQuestion,
  respondent: Respondent,
  askedRoles: ReadonlySet<RespondentRole>,
): AnswerCell {
  const responseStatus = respondent.summary.status;
  if (!askedRoles.has(respondent.summary.role)) {
    return { state: 'not_asked', responseStatus, display: 'niet gevraagd' };
  }
  if (!respondent.submitted) {
    return { state: 'not_submitted', responseStatus, display: 'nog niet ingediend' };
  }
  const reading = readValue(framework, question, respondent.data);
  const explanation = readExplanation(framework, question, respondent.data);
  const withExplanation = explanation === undefined ? {} : { explanation };
  switch (reading.state) {
    case 'answered':
      return {
        state: 'answered',
        responseStatus,
        value: reading.value,
        display: reading.display,
        ...withExplanation,
      };
    case 'empty':
      return { state: 'empty', responseStatus, display: 'niet ingevuld', ...withExplanation };
    case 'invalid':
      return { state: 'invalid', responseStatus, display: 'ongeldig antwoord', ...withExplanation };
  }
}
