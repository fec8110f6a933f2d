import type { JnwQuestion } from '../framework/framework.schema.js';
import type { Flag, FlagKind, Verdict } from '../../shared/analysis/analysis-result.js';
import type { CheckboxOutcome } from './compare-checkbox.js';
import type { CommentOutcome } from './compare-comments.js';
import { numberWord, thereIs, type Subject } from './dutch.js';
import { isCounted, isPartner, jnwAnswerOf, type RespondentAnswer } from './respondent-answer.js';

/** What decides "meets": the core jnw question, else the first checkbox, else the first comment. */
export type VerdictBasis =
  | { kind: 'jnw'; question: JnwQuestion; entries: readonly RespondentAnswer[] }
  | { kind: 'checkbox'; outcome: CheckboxOutcome }
  | { kind: 'comment'; outcome: CommentOutcome }
  | { kind: 'none' };

export interface VerdictProposal {
  verdict: Verdict;
  reason: string;
  /** Flags that turn "voldoet" into "voldoet, let op" (and are drafted as the LET OP). */
  concerns: Flag[];
  /** Partners that submitted but left the core question empty. */
  unansweredCore: RespondentAnswer[];
}

/** Flags that are signals for the inspector; `ontbreekt` is not (it is about completeness). */
const CONCERN_KINDS: ReadonlySet<FlagKind> = new Set([
  'tegenspraak',
  'onbekend',
  'verdeeld',
  'uiteenlopend',
  'afwijkende_omschrijving',
]);

/** Nouns with their number: "er is tegenspraak", "er zijn uiteenlopende antwoorden". */
const FLAG_WORDS: Record<FlagKind, Subject> = {
  tegenspraak: { phrase: 'tegenspraak', plural: false },
  onbekend: { phrase: 'onbekendheid bij netwerkpartners', plural: false },
  verdeeld: { phrase: 'verdeelde antwoorden', plural: true },
  uiteenlopend: { phrase: 'uiteenlopende antwoorden', plural: true },
  afwijkende_omschrijving: { phrase: 'een afwijkende omschrijving', plural: false },
  risico: { phrase: 'een risico', plural: false },
  ontbreekt: { phrase: 'een ontbrekend antwoord', plural: false },
};
const UNANSWERED_CORE: Subject = { phrase: 'een onbeantwoorde kernvraag', plural: false };

/** "meets" on the polarity-corrected value: on a reversed question "no" meets the indicator. */
export function meetsIndicator(question: JnwQuestion, answer: 'yes' | 'no'): boolean {
  return question.polarity === 'positive' ? answer === 'yes' : answer === 'no';
}

/** "er is tegenspraak", "er zijn uiteenlopende antwoorden en een risico". */
function describeConcerns(concerns: readonly Flag[], unansweredCore: readonly RespondentAnswer[]): string {
  const words = [...new Set(concerns.map((flag) => FLAG_WORDS[flag.kind]))];
  if (unansweredCore.length > 0) words.push(UNANSWERED_CORE);
  return thereIs(words);
}

function letOpOrVoldoet(
  concerns: Flag[],
  unansweredCore: RespondentAnswer[],
  meetsText: string,
): VerdictProposal {
  if (concerns.length === 0 && unansweredCore.length === 0) {
    return { verdict: 'voldoet', reason: `${meetsText}; er zijn geen signalen.`, concerns, unansweredCore };
  }
  return {
    verdict: 'voldoet_let_op',
    reason: `${meetsText}, maar ${describeConcerns(concerns, unansweredCore)}.`,
    concerns,
    unansweredCore,
  };
}

/** More than half of the partners who answered ja or nee contradict: "twee van de drie", "alle drie". */
function contradictionReason(contradicting: number, decided: number): string {
  if (decided === 1) return 'De netwerkpartner die ja of nee antwoordde, spreekt de gemeente tegen.';
  if (contradicting === decided) {
    const all = decided === 2 ? 'Beide netwerkpartners' : `Alle ${numberWord(decided)} de netwerkpartners`;
    return `${all} die ja of nee antwoordden, spreken de gemeente tegen.`;
  }
  return (
    'Meer dan de helft van de netwerkpartners die ja of nee antwoordden, spreekt de gemeente tegen ' +
    `(${numberWord(contradicting)} van de ${numberWord(decided)}).`
  );
}

function proposeFromJnw(
  question: JnwQuestion,
  entries: readonly RespondentAnswer[],
  concerns: Flag[],
): VerdictProposal {
  const municipal = entries.find((entry) => !isPartner(entry));
  const municipalAnswer = municipal ? jnwAnswerOf(municipal.cell) : undefined;
  const partners = entries.filter((entry) => isPartner(entry) && isCounted(entry));
  const unansweredCore = partners.filter((entry) => entry.cell.state !== 'answered');
  if (municipalAnswer === undefined || municipalAnswer === 'unknown') {
    // Sittard-Geleen C1 2013: "De gemeente weet niet of …" was an improvement point.
    const reason =
      municipalAnswer === 'unknown'
        ? 'De gemeente weet het antwoord op de kernvraag niet.'
        : 'De gemeente heeft de kernvraag niet beantwoord.';
    return { verdict: 'verbeterpunt', reason, concerns, unansweredCore };
  }
  if (!meetsIndicator(question, municipalAnswer)) {
    const everyone = partners.every((entry) => {
      const answer = jnwAnswerOf(entry.cell);
      return answer === undefined || answer === 'unknown' || !meetsIndicator(question, answer);
    });
    return {
      verdict: 'verbeterpunt',
      reason: everyone
        ? 'Volgens de gemeente (en de netwerkpartners die antwoordden) voldoet de aanpak niet aan de kernvraag.'
        : 'Volgens de gemeente voldoet de aanpak niet aan de kernvraag.',
      concerns,
      unansweredCore,
    };
  }
  const decided = partners.filter((entry) => {
    const answer = jnwAnswerOf(entry.cell);
    return answer === 'yes' || answer === 'no';
  });
  const contradicting = decided.filter((entry) => jnwAnswerOf(entry.cell) !== municipalAnswer);
  if (contradicting.length * 2 > decided.length) {
    return {
      verdict: 'verbeterpunt',
      reason: contradictionReason(contradicting.length, decided.length),
      concerns,
      unansweredCore,
    };
  }
  return letOpOrVoldoet(
    concerns,
    unansweredCore,
    decided.length === 0
      ? 'Het antwoord van de gemeente op de kernvraag voldoet'
      : 'Het antwoord van de gemeente op de kernvraag voldoet en ten minste de helft van de netwerkpartners is het daarmee eens',
  );
}

/**
 * The proposal rules of analysis-rules.md, in their order: no municipal answers → geen_oordeel; an
 * improvement-point risk (A14, S3) → verbeterpunt; then the core question (or the checkbox comparison)
 * decides between verbeterpunt, voldoet_let_op and voldoet. The inspector decides; this only proposes.
 */
export function proposeVerdict(input: {
  municipalitySubmitted: boolean;
  basis: VerdictBasis;
  flags: readonly Flag[];
}): VerdictProposal {
  const { municipalitySubmitted, basis, flags } = input;
  const concerns = flags.filter(
    (flag) => CONCERN_KINDS.has(flag.kind) || (flag.kind === 'risico' && flag.level === 'let_op'),
  );
  if (!municipalitySubmitted) {
    return {
      verdict: 'geen_oordeel',
      reason: 'De gemeente heeft de vragenlijst nog niet ingediend.',
      concerns: [],
      unansweredCore: [],
    };
  }
  const risks = flags.filter((flag) => flag.kind === 'risico' && flag.level === 'verbeterpunt');
  if (risks.length > 0) {
    return {
      verdict: 'verbeterpunt',
      reason: 'Een inhoudelijke regel (risico) maakt dit een verbeterpunt.',
      concerns,
      unansweredCore: [],
    };
  }
  switch (basis.kind) {
    case 'jnw':
      return proposeFromJnw(basis.question, basis.entries, concerns);
    case 'checkbox': {
      if (basis.outcome.municipalityShares !== true) {
        return {
          verdict: 'verbeterpunt',
          reason:
            basis.outcome.municipalityShares === undefined
              ? 'De gemeente heeft niets aangekruist.'
              : 'De gemeente en ten minste de helft van de netwerkpartners noemen niets gemeenschappelijk.',
          concerns,
          unansweredCore: [],
        };
      }
      return letOpOrVoldoet(
        concerns,
        [],
        'De gemeente en ten minste de helft van de netwerkpartners noemen iets gemeenschappelijk',
      );
    }
    case 'comment': {
      const municipalText = basis.outcome.compared.some((entry) => !isPartner(entry));
      if (!municipalText) {
        return {
          verdict: 'verbeterpunt',
          reason: 'De gemeente heeft geen omschrijving gegeven.',
          concerns,
          unansweredCore: [],
        };
      }
      return letOpOrVoldoet(concerns, [], 'De gemeente heeft een omschrijving gegeven');
    }
    case 'none':
      return {
        verdict: 'geen_oordeel',
        reason: 'Deze indicator heeft geen vraag die vergeleken kan worden.',
        concerns: [],
        unansweredCore: [],
      };
    default: {
      const unexpected: never = basis;
      return unexpected;
    }
  }
}
