import type { IndicatorQuestion } from '../framework/framework.schema.js';
import type { Flag, JnwAnswer, RespondentCode } from '../../shared/analysis/analysis-result.js';
import { capitalise, joinDutchList, pluralise } from './dutch.js';
import { isPartner, type RespondentAnswer } from './respondent-answer.js';

function names(entries: readonly RespondentAnswer[]): string {
  return joinDutchList(entries.map((entry) => (isPartner(entry) ? entry.respondent.code : 'de gemeente')));
}

/**
 * `ontbreekt`: a respondent who was asked the question has not submitted, or submitted it empty.
 *
 * Two kinds of silence are not reported. A `text` question only accompanies a jnw answer (the regisseur's
 * job title) and is never compared. And a supporting question left empty by a respondent whose core
 * answer is not "yes" was most likely hidden by the questionnaire's visibleIf (A11 `plan_leidend` is
 * only asked after `gezamenlijk_plan` = ja; Venlo 2013: two partners said nee): the framework does not
 * carry visibility, so this is the conservative reading.
 */
export function findMissingAnswers(
  question: IndicatorQuestion,
  entries: readonly RespondentAnswer[],
  coreAnswerOf: (code: RespondentCode) => JnwAnswer | undefined,
  isCore: boolean,
): Flag | undefined {
  if (question.kind === 'text') return undefined;
  const asked = entries.filter((entry) => entry.cell.state !== 'not_asked');
  const notSubmitted = asked.filter((entry) => entry.cell.state === 'not_submitted');
  const empty = asked.filter(
    (entry) =>
      (entry.cell.state === 'empty' || entry.cell.state === 'invalid') &&
      (isCore ||
        coreAnswerOf(entry.respondent.code) === 'yes' ||
        coreAnswerOf(entry.respondent.code) === undefined),
  );
  const missing = [...notSubmitted, ...empty];
  if (missing.length === 0) return undefined;
  const sentences = [
    ...(notSubmitted.length > 0
      ? [
          `${names(notSubmitted)} ${pluralise(notSubmitted.length, 'heeft', 'hebben')} de vragenlijst nog niet ingediend.`,
        ]
      : []),
    ...(empty.length > 0
      ? [`${names(empty)} ${pluralise(empty.length, 'heeft', 'hebben')} deze vraag niet (geldig) beantwoord.`]
      : []),
  ];
  return {
    kind: 'ontbreekt',
    question: question.name,
    respondents: missing.map((entry) => entry.respondent.code),
    count: missing.length,
    of: asked.length,
    message: sentences.map((sentence) => capitalise(sentence)).join(' '),
  };
}
