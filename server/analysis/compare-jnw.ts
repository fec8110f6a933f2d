import type { JnwQuestion } from '../framework/framework.schema.js';
import type { Flag, JnwAnswer } from '../../shared/analysis/analysis-result.js';
import {
  ANTWOORDEN,
  capitalise,
  composeSentence,
  conjugate,
  joinDutchList,
  type Subject,
  type VerbForms,
} from './dutch.js';
import {
  codesOf,
  isCounted,
  isPartner,
  JNW_WORD,
  jnwAnswerOf,
  namedPartnerShare,
  type RespondentAnswer,
} from './respondent-answer.js';

const WETEN: VerbForms = { singular: 'weet', plural: 'weten' };

/** "Eén van de drie netwerkpartners (P3) weet het niet, de gemeente antwoordt ja." */
function unawareSentence(partners: Subject, municipalWord: string): string {
  return `${capitalise(partners.phrase)} ${conjugate(partners, WETEN)} het niet, de gemeente antwoordt ${municipalWord}.`;
}

const OPPOSITE: Record<'yes' | 'no', 'yes' | 'no'> = { yes: 'no', no: 'yes' };

function withAnswer(entries: readonly RespondentAnswer[], answer: JnwAnswer): RespondentAnswer[] {
  return entries.filter((entry) => jnwAnswerOf(entry.cell) === answer);
}

function polarityNote(question: JnwQuestion): string {
  // A contradiction is about the literal answers; on a reversed question the reader must know that "nee"
  // is the answer that meets the indicator (analysis-rules.md, "Polarity matters").
  return question.polarity === 'negative' ? ' (omgekeerde vraag: hier voldoet "nee")' : '';
}

/**
 * Flags `tegenspraak`, `onbekend` and `verdeeld` for one jnw question. The municipality's literal
 * answer is the reference: a partner contradicts when it gave the opposite ja/nee, is unaware when it
 * answered weet_niet. Without a usable municipal answer, partners answering both ja and nee are divided.
 */
export function compareJnw(question: JnwQuestion, entries: readonly RespondentAnswer[]): Flag[] {
  const municipal = entries.find((entry) => !isPartner(entry));
  const municipalAnswer = municipal ? jnwAnswerOf(municipal.cell) : undefined;
  const partners = entries.filter((entry) => isPartner(entry) && isCounted(entry));
  const of = partners.length;
  const flags: Flag[] = [];

  if (municipalAnswer === 'yes' || municipalAnswer === 'no') {
    const opposite = OPPOSITE[municipalAnswer];
    const contradicting = withAnswer(partners, opposite);
    if (contradicting.length > 0) {
      const codes = codesOf(contradicting);
      flags.push({
        kind: 'tegenspraak',
        question: question.name,
        respondents: codes,
        count: codes.length,
        of,
        message: composeSentence(
          namedPartnerShare(codes, of),
          ANTWOORDEN,
          `${JNW_WORD[opposite]}, de gemeente ${JNW_WORD[municipalAnswer]}${polarityNote(question)}`,
        ),
      });
    }
    const unaware = withAnswer(partners, 'unknown');
    if (unaware.length > 0) {
      const codes = codesOf(unaware);
      flags.push({
        kind: 'onbekend',
        question: question.name,
        respondents: codes,
        count: codes.length,
        of,
        message: unawareSentence(namedPartnerShare(codes, of), JNW_WORD[municipalAnswer]),
      });
    }
    return flags;
  }

  const saidYes = withAnswer(partners, 'yes');
  const saidNo = withAnswer(partners, 'no');
  if (saidYes.length > 0 && saidNo.length > 0) {
    const municipalState =
      municipalAnswer === 'unknown'
        ? 'weet het niet'
        : municipal?.cell.state === 'not_submitted'
          ? 'heeft de vragenlijst nog niet ingediend'
          : municipal === undefined || municipal.cell.state === 'not_asked'
            ? 'is niet gevraagd'
            : 'heeft niet geantwoord';
    const side = (group: RespondentAnswer[], answer: JnwAnswer): string =>
      `${joinDutchList(codesOf(group))} ${group.length === 1 ? 'antwoordt' : 'antwoorden'} ${JNW_WORD[answer]}`;
    flags.push({
      kind: 'verdeeld',
      question: question.name,
      respondents: codesOf([...saidYes, ...saidNo]),
      of,
      message:
        `De gemeente ${municipalState} en de netwerkpartners zijn verdeeld: ` +
        `${side(saidYes, 'yes')}, ${side(saidNo, 'no')}.`,
    });
  }
  return flags;
}
