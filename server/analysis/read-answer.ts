import type { CheckboxQuestion, Framework, IndicatorQuestion } from '../framework/framework.schema.js';
import type { AnswerCell, AnswerValue, JnwAnswer } from '../../shared/analysis/analysis-result.js';
import { OTHER_VALUE, type QuestionLookup } from './framework-lookups.js';
import type { Respondent } from './respondents.js';

const JNW_DISPLAY: Record<JnwAnswer, string> = { yes: 'Ja', no: 'Nee', unknown: 'Weet ik niet' };

type Reading =
  { state: 'answered'; value: AnswerValue; display: string } | { state: 'empty' } | { state: 'invalid' };

function ownValue(data: Record<string, unknown>, key: string): unknown {
  // One lookup for the common absent key; the own-property check only when something was found.
  const value = data[key];
  return value !== undefined && Object.hasOwn(data, key) ? value : undefined;
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

function readCheckbox(
  raw: unknown,
  otherRaw: unknown,
  question: CheckboxQuestion,
  lookup: QuestionLookup,
): Reading {
  if (isBlank(raw)) return { state: 'empty' };
  if (!Array.isArray(raw)) return { state: 'invalid' };
  const named = new Set<string>();
  for (const entry of raw as unknown[]) if (typeof entry === 'string') named.add(entry);
  if (named.size === 0) return raw.length === 0 ? { state: 'empty' } : { state: 'invalid' };
  const values: string[] = [];
  const labels: string[] = [];
  for (const choice of question.choices) {
    if (!named.has(choice.value)) continue;
    values.push(choice.value);
    labels.push(choice.label);
  }
  // Values from an older questionnaire version are kept, not dropped: the inspector should see them.
  const unknown: string[] = [];
  for (const value of named) if (value !== OTHER_VALUE && !lookup.labels.has(value)) unknown.push(value);
  unknown.sort();
  for (const value of unknown) {
    values.push(value);
    labels.push(value);
  }
  const other = named.has(OTHER_VALUE) ? (typeof otherRaw === 'string' ? otherRaw.trim() : '') : undefined;
  if (other !== undefined) labels.push(other === '' ? 'anders' : `anders: ${other}`);
  return {
    state: 'answered',
    value: {
      kind: 'checkbox',
      values,
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
  lookup: QuestionLookup,
  data: Record<string, unknown>,
): Reading {
  const raw = ownValue(data, question.name);
  switch (question.kind) {
    case 'jnw':
      return readJnw(raw, framework.answerScale);
    case 'checkbox':
      return readCheckbox(raw, ownValue(data, lookup.otherKey), question, lookup);
    case 'comment':
    case 'text':
      return readText(raw, question.kind);
    default: {
      const unexpected: never = question;
      return unexpected;
    }
  }
}

function readExplanation(lookup: QuestionLookup, data: Record<string, unknown>): string | undefined {
  if (lookup.explanationKey === undefined) return undefined;
  const raw = ownValue(data, lookup.explanationKey);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

/** One respondent's answer to one question, read defensively: any data shape yields a cell, never a throw. */
export function readAnswer(
  framework: Framework,
  question: IndicatorQuestion,
  respondent: Respondent,
  lookup: QuestionLookup,
): AnswerCell {
  const responseStatus = respondent.ref.status;
  if (!lookup.roles.has(respondent.ref.role)) {
    return { state: 'not_asked', responseStatus, display: 'niet gevraagd' };
  }
  if (!respondent.submitted) {
    return { state: 'not_submitted', responseStatus, display: 'nog niet ingediend' };
  }
  const reading = readValue(framework, question, lookup, respondent.data);
  const explanation = readExplanation(lookup, respondent.data);
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
