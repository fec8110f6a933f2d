/**
 * Dutch grammar for drafted findings. The factsheets write counts as words ("twee van de drie
 * netwerkpartners"), join lists as "a, b en c" and never name a partner: a group of respondents is
 * described by role and count ("De gemeente en één netwerkpartner").
 */

const NUMBER_WORDS = [
  'nul',
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
] as const;

/** 1 → "één", 3 → "drie"; beyond twelve the factsheets would use digits. */
export function numberWord(count: number): string {
  return Number.isInteger(count) && count >= 0 ? (NUMBER_WORDS[count] ?? String(count)) : String(count);
}

/** Sentence-initial capital; "één" becomes "Eén" as in the factsheets (Dutch drops the accent). */
export function capitalise(text: string): string {
  if (text.startsWith('één')) return `Eén${text.slice(3)}`;
  // Plain toUpperCase: the Dutch locale changes nothing here but costs an ICU lookup per sentence.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ["a"] → "a", ["a", "b", "c"] → "a, b en c". */
export function joinDutchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

/** 0.1234 → "0,12". */
export function formatDecimal(value: number, digits = 2): string {
  return value.toFixed(digits).replace('.', ',');
}

/** Who a sentence is about: the municipality or not, and how many partners. */
export interface RespondentGroup {
  municipality: boolean;
  partners: number;
}

export interface Subject {
  /** Lower-case noun phrase; capitalise at the start of a sentence. */
  phrase: string;
  plural: boolean;
}

const ALL_RESPONDENTS = 'alle ondervraagden';

function partnerPhrase(count: number, allPartners: number): string {
  if (count === allPartners) return count === 1 ? 'de netwerkpartner' : 'de netwerkpartners';
  return `${numberWord(count)} ${count === 1 ? 'netwerkpartner' : 'netwerkpartners'}`;
}

/**
 * Names `group` relative to everyone who answered: "alle ondervraagden" when it is all of them, the
 * municipality included; "de gemeente en twee netwerkpartners", "één netwerkpartner", "de
 * netwerkpartners". Without the municipality in the base, "alle ondervraagden" would count her in.
 */
export function describeSubject(group: RespondentGroup, answering: RespondentGroup): Subject {
  const size = (group.municipality ? 1 : 0) + group.partners;
  const everyone = group.municipality === answering.municipality && group.partners === answering.partners;
  if (everyone && size >= 2 && group.municipality) return { phrase: ALL_RESPONDENTS, plural: true };
  if (group.municipality && group.partners === 0) return { phrase: 'de gemeente', plural: false };
  if (group.municipality) {
    return {
      phrase: `de gemeente en ${partnerPhrase(group.partners, answering.partners)}`,
      plural: true,
    };
  }
  return { phrase: partnerPhrase(group.partners, answering.partners), plural: group.partners !== 1 };
}

/**
 * How many of the partners, for signal messages: "twee van de drie netwerkpartners", "alle drie de
 * netwerkpartners", "beide netwerkpartners", "de netwerkpartner". Never "drie van de drie" or "één van
 * de één". "Geen van de …" takes a singular verb, as in Dutch.
 */
export function partnerShare(count: number, of: number): Subject {
  if (of === 1 && count === 1) return { phrase: 'de netwerkpartner', plural: false };
  if (count === 0) {
    return {
      phrase: of === 1 ? 'geen netwerkpartner' : `geen van de ${numberWord(of)} netwerkpartners`,
      plural: false,
    };
  }
  if (count === of && of === 2) return { phrase: 'beide netwerkpartners', plural: true };
  if (count === of) return { phrase: `alle ${numberWord(of)} de netwerkpartners`, plural: true };
  return { phrase: `${numberWord(count)} van de ${numberWord(of)} netwerkpartners`, plural: count > 1 };
}

export interface VerbForms {
  singular: string;
  plural: string;
  /**
   * A negated verb after "alle ondervraagden" reads as "not all of them" ("Alle ondervraagden weten niet
   * of …"); the sentence says "Geen van de ondervraagden weet of …" with this form instead.
   */
  affirmativeSingular?: string;
}

export const GEVEN_AAN: VerbForms = { singular: 'geeft aan', plural: 'geven aan' };
export const WETEN_NIET: VerbForms = {
  singular: 'weet niet',
  plural: 'weten niet',
  affirmativeSingular: 'weet',
};
export const NOEMEN: VerbForms = { singular: 'noemt', plural: 'noemen' };
export const ANTWOORDEN: VerbForms = { singular: 'antwoordt', plural: 'antwoorden' };
export const HEBBEN_NIET_AANGEGEVEN: VerbForms = {
  singular: 'heeft niet aangegeven',
  plural: 'hebben niet aangegeven',
  affirmativeSingular: 'heeft aangegeven',
};

/** The verb form that agrees with the subject: "één netwerkpartner noemt", "twee netwerkpartners noemen". */
export function conjugate(subject: Subject, verb: VerbForms): string {
  return subject.plural ? verb.plural : verb.singular;
}

/** "De gemeente en één netwerkpartner" + "geven aan" + "dat …" → a full sentence with a full stop. */
export function composeSentence(subject: Subject, verb: VerbForms, rest: string): string {
  if (subject.phrase === ALL_RESPONDENTS && verb.affirmativeSingular !== undefined) {
    return `Geen van de ondervraagden ${verb.affirmativeSingular} ${rest}.`;
  }
  return `${capitalise(subject.phrase)} ${conjugate(subject, verb)} ${rest}.`;
}

/**
 * "er is tegenspraak", "er zijn uiteenlopende antwoorden", "er zijn tegenspraak en een risico": a
 * compound subject takes the plural, as does a single plural noun.
 */
export function thereIs(items: readonly Subject[]): string {
  const plural = items.length > 1 || items.some((item) => item.plural);
  return `er ${plural ? 'zijn' : 'is'} ${joinDutchList(items.map((item) => item.phrase))}`;
}

/** "de omschrijving van … wijkt af" vs. "de omschrijvingen … wijken af". */
export function pluralise(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}
