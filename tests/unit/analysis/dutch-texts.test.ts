import { describe, expect, it } from 'vitest';
import { analyseInvestigation } from '../../../server/analysis/analyse-investigation.js';
import { frameworkSchema } from '../../../server/framework/framework.schema.js';
import type { AnalysisResult, IndicatorAnalysis } from '../../../shared/analysis/analysis-result.js';
import {
  buildAnswerSets,
  type AnswerCellInput,
  type AnswerRows,
  type RespondentColumn,
} from './fixtures/answer-table.js';
import { consistentCases, divergentCases } from './fixtures/comment-texts.js';
import { ggsrFramework } from './fixtures/frameworks.js';
import { meetingBaseline } from './fixtures/meeting-baseline.js';

/**
 * Every Dutch text the analysis writes (signal messages, reasons, drafted findings and LET OPs) over the
 * whole range of counts: one to three partners, none to all of them agreeing, one item or several. The
 * texts must read like the factsheets (a reviewer found "maar er is uiteenlopende antwoorden" and "Drie
 * van de drie netwerkpartners … : … genoemd: …").
 */
const framework = frameworkSchema.parse({
  id: 'teksten',
  title: 'Kader voor de Nederlandse teksten',
  questionnaires: [
    { id: 'g', role: 'gemeente', file: 'g.json' },
    { id: 'p', role: 'netwerkpartner', file: 'p.json' },
  ],
  answerScale: { yes: 'ja', no: 'nee', unknown: 'weet_niet' },
  maxPartners: 3,
  themes: [
    {
      id: 'thema',
      title: 'Thema',
      description: 'een thema',
      criteria: [
        {
          id: 'criterium',
          title: 'Criterium',
          indicators: [
            {
              id: 'K1',
              text: 'Er is een plan',
              questions: [
                {
                  name: 'plan',
                  askedOf: ['g', 'p'],
                  core: true,
                  kind: 'jnw',
                  polarity: 'positive',
                  phrases: { yes: 'er een plan is', no: 'er geen plan is' },
                },
                {
                  name: 'einddatum',
                  askedOf: ['g', 'p'],
                  kind: 'jnw',
                  polarity: 'negative',
                  phrases: { yes: 'het plan een einddatum heeft', no: 'het plan geen einddatum heeft' },
                },
              ],
              rules: [
                {
                  question: 'einddatum',
                  condition: { type: 'equals', value: 'ja' },
                  level: 'let_op',
                  message: 'het plan een einddatum heeft',
                },
              ],
            },
            {
              id: 'K2',
              text: 'De juiste partijen doen mee',
              questions: [
                {
                  name: 'partijen',
                  askedOf: ['g', 'p'],
                  kind: 'checkbox',
                  choices: [
                    { value: 'school', label: 'de school' },
                    { value: 'buurt', label: 'de buurtvereniging' },
                    { value: 'huisarts', label: 'de huisarts' },
                  ],
                  phrases: { topic: 'als deelnemende partij' },
                },
              ],
              rules: [
                {
                  question: 'partijen',
                  condition: { type: 'named_by_none', values: ['school', 'huisarts'] },
                  level: 'let_op',
                  message: 'geen van de ondervraagden {items} noemt als deelnemende partij',
                },
              ],
            },
            {
              id: 'K3',
              text: 'Iedereen beschrijft de doelgroep hetzelfde',
              questions: [
                {
                  name: 'doelgroep',
                  askedOf: ['g', 'p'],
                  kind: 'comment',
                  phrases: { topic: 'de doelgroep' },
                },
              ],
            },
          ],
        },
      ],
    },
  ],
});

const G: RespondentColumn = { role: 'gemeente', label: 'Gemeente' };
const partner = (n: number, status: RespondentColumn['status'] = 'ingediend'): RespondentColumn => ({
  role: 'netwerkpartner',
  label: `Organisatie ${n}`,
  status,
});

/** Every tuple of `length` values drawn from `options`. */
function tuples<T>(options: readonly T[], length: number): T[][] {
  if (length === 0) return [[]];
  return tuples(options, length - 1).flatMap((rest) => options.map((option) => [option, ...rest]));
}

const JNW: readonly AnswerCellInput[] = ['ja', 'nee', 'weet_niet', undefined];
const SUBSETS: readonly AnswerCellInput[] = tuples([false, true], 3).map((picks) =>
  ['school', 'buurt', 'huisarts'].filter((_, index) => picks[index]),
);
const closeA = consistentCases[0]?.texts.G;
const closeB = consistentCases[0]?.texts.P1;
const far = divergentCases[0]?.texts.P3;
const TEXTS: readonly AnswerCellInput[] = [closeA, closeB, far, undefined];

function textsOf(result: AnalysisResult): string[] {
  return result.indicators.flatMap((indicator) => [
    ...indicator.flags.map((flag) => flag.message),
    indicator.proposal.reason,
    indicator.proposal.finding,
    ...(indicator.proposal.letOp === undefined ? [] : [indicator.proposal.letOp]),
  ]);
}

/** All texts for 1–3 partners, every jnw answer, every choice subset, close and far descriptions. */
function generateTexts(): Set<string> {
  const texts = new Set<string>();
  const add = (columns: readonly RespondentColumn[], rows: AnswerRows): void => {
    for (const text of textsOf(analyseInvestigation(framework, buildAnswerSets('teksten', columns, rows)))) {
      texts.add(text);
    }
  };
  for (const partners of [1, 2, 3]) {
    const columns = [G, ...Array.from({ length: partners }, (_, index) => partner(index + 1))];
    // The last partner still in draft: "nog niet ingediend" in every combination of the others.
    const withDraft = [...columns.slice(0, -1), partner(partners, 'concept')];
    for (const answers of tuples(JNW, partners + 1)) {
      const rows = { plan: answers, einddatum: [...answers].reverse() };
      add(columns, rows);
      add(withDraft, rows);
    }
    for (const answers of tuples(SUBSETS, partners + 1)) add(columns, { partijen: answers });
    for (const answers of tuples(TEXTS, partners + 1)) add(columns, { doelgroep: answers });
    add(columns, {
      partijen: columns.map((_, index) => ({
        values: ['buurt'],
        other: index === 0 ? 'de kerk' : 'de moskee',
      })),
    });
  }
  return texts;
}

/** Sentences end with a full stop followed by a space; decimals use a comma, so a split on ". " holds. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=\.)\s+/);
}

const PLURAL_VERB = '(?:noemen|geven|weten|hebben|antwoorden|spreken|wijken)';
const SINGULAR_VERB = '(?:noemt|geeft|weet|heeft|antwoordt|spreekt|wijkt)';
const CODES = '(?: \\([^)]*\\))?';

describe('Dutch texts of the analysis over the whole range of counts', () => {
  const texts = [...generateTexts()];

  it('exercises every count phrase (the enumeration really covers 1–3 partners)', () => {
    const all = texts.join('\n');
    for (const phrase of [
      'De netwerkpartner (P1)',
      'Eén van de twee netwerkpartners (P',
      'Beide netwerkpartners (P1 en P2)',
      'Eén van de drie netwerkpartners (P',
      'Twee van de drie netwerkpartners (P',
      'Alle drie de netwerkpartners (P1, P2 en P3)',
      'Alleen de gemeente noemt',
      'De gemeente en één van de drie netwerkpartners noemen',
      'Er is niets dat',
      'maar er is ',
      'maar er zijn ',
      'Geen van de ondervraagden weet of',
      'de vragenlijst nog niet ingediend',
      'wijkt af van die van de gemeente',
      'wijken onderling af',
    ]) {
      expect(all, phrase).toContain(phrase);
    }
  });

  it.each([
    ['"er is" before a plural noun', /\ber is [^.]*\b(antwoorden|omschrijvingen)\b/],
    ['"er zijn" before a single singular noun', /\ber zijn (tegenspraak|een \w+)\.$/],
    ['a count of the whole ("drie van de drie")', /\b(één|eén|twee|drie|vier) van de \1\b/i],
    ['"van de één"', /\bvan de één\b/],
    ['a double colon', /::/],
    ['two colons in one sentence', /:[^.]*:/],
    ['"niet" after "alle ondervraagden" (reads as "not all")', /alle ondervraagden \w+ niet\b/i],
    [
      'a plural subject with a singular verb',
      new RegExp(
        `(?<!van de )\\b(twee|drie|beide|alle drie de) netwerkpartners${CODES} ${SINGULAR_VERB}\\b`,
        'i',
      ),
    ],
    [
      '"twee van de drie" with a singular verb',
      new RegExp(`\\b(twee|drie) van de \\w+ netwerkpartners${CODES} ${SINGULAR_VERB}\\b`, 'i'),
    ],
    [
      'one partner with a plural verb',
      new RegExp(`(?<!en )\\b(één|eén|de) netwerkpartner${CODES} ${PLURAL_VERB}\\b`, 'i'),
    ],
    [
      '"één van de …" with a plural verb',
      new RegExp(`(?<!en )\\b(één|eén) van de \\w+ netwerkpartners${CODES} ${PLURAL_VERB}\\b`, 'i'),
    ],
    ['"Risico:" before a lower-case clause', /Risico: [a-z]/],
    ['a double space or a space before punctuation', / {2}| [.,;:]/],
    ['a doubled full stop or a comma before it', /[.,]\.|\.\.$/],
  ])('no text contains %s', (_label, pattern) => {
    expect(texts.filter((text) => pattern.test(text))).toEqual([]);
  });

  it('every sentence starts with a capital (or a quote) and ends with a full stop', () => {
    const wrong = texts
      .flatMap(sentencesOf)
      .filter((sentence) => !/^[A-ZÉ“]/.test(sentence) || !sentence.endsWith('.'));
    expect(wrong).toEqual([]);
  });
});

function indicatorOf(result: AnalysisResult, id: string): IndicatorAnalysis {
  const found = result.indicators.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

function analyse(columns: readonly RespondentColumn[], rows: AnswerRows): AnalysisResult {
  return analyseInvestigation(framework, buildAnswerSets('exact', columns, rows));
}

describe('exact texts', () => {
  it('the reviewer’s case: all three partners leave out an item the municipality names', () => {
    const columns = [G, partner(1), partner(2), partner(3)];
    const shared = ['meervoudige_problematiek', 'criminaliteit_overlast'];
    const t1 = indicatorOf(
      analyseInvestigation(
        ggsrFramework,
        buildAnswerSets('review', columns, {
          ...meetingBaseline(columns),
          doelgroep_kenmerken: [[...shared, 'vastgelopen_hulpverlening'], shared, shared, shared],
        }),
      ),
      'T1',
    );
    expect(t1.flags.map((flag) => flag.message)).toEqual([
      'Alle drie de netwerkpartners (P1, P2 en P3) noemen niet hetzelfde als de gemeente. Alleen de gemeente noemt vastgelopen hulpverlening.',
    ]);
    expect(t1.proposal).toMatchObject({
      verdict: 'voldoet_let_op',
      reason:
        'De gemeente en ten minste de helft van de netwerkpartners noemen iets gemeenschappelijk, maar er zijn uiteenlopende antwoorden.',
      letOp: 'Alleen de gemeente noemt vastgelopen hulpverlening als kenmerk van de doelgroep.',
    });
  });

  it('items named by the municipality with one partner, by two partners without her, and none by all', () => {
    const k2 = indicatorOf(
      analyse([G, partner(1), partner(2), partner(3)], {
        partijen: [['school', 'buurt'], ['school', 'buurt'], ['huisarts'], ['school', 'huisarts']],
      }),
      'K2',
    );
    expect(k2.flags.map((flag) => flag.message)).toEqual([
      'Twee van de drie netwerkpartners (P2 en P3) noemen niet hetzelfde als de gemeente. De gemeente en één van de drie netwerkpartners noemen de buurtvereniging. Twee van de drie netwerkpartners noemen de huisarts, de gemeente niet. Er is niets dat alle ondervraagden noemen.',
    ]);
  });

  it.each([
    [
      'the only partner contradicts',
      [G, partner(1)],
      ['ja', 'nee'],
      'De netwerkpartner (P1) antwoordt nee, de gemeente ja.',
      'De netwerkpartner die ja of nee antwoordde, spreekt de gemeente tegen.',
    ],
    [
      'both partners contradict',
      [G, partner(1), partner(2)],
      ['ja', 'nee', 'nee'],
      'Beide netwerkpartners (P1 en P2) antwoorden nee, de gemeente ja.',
      'Beide netwerkpartners die ja of nee antwoordden, spreken de gemeente tegen.',
    ],
    [
      'all three partners contradict',
      [G, partner(1), partner(2), partner(3)],
      ['nee', 'ja', 'ja', 'ja'],
      'Alle drie de netwerkpartners (P1, P2 en P3) antwoorden ja, de gemeente nee.',
      'Volgens de gemeente voldoet de aanpak niet aan de kernvraag.',
    ],
    [
      'two of three contradict',
      [G, partner(1), partner(2), partner(3)],
      ['ja', 'ja', 'nee', 'nee'],
      'Twee van de drie netwerkpartners (P2 en P3) antwoorden nee, de gemeente ja.',
      'Meer dan de helft van de netwerkpartners die ja of nee antwoordden, spreekt de gemeente tegen (twee van de drie).',
    ],
    [
      'all three partners do not know',
      [G, partner(1), partner(2), partner(3)],
      ['ja', 'weet_niet', 'weet_niet', 'weet_niet'],
      'Alle drie de netwerkpartners (P1, P2 en P3) weten het niet, de gemeente antwoordt ja.',
      'Het antwoord van de gemeente op de kernvraag voldoet, maar er is onbekendheid bij netwerkpartners.',
    ],
  ] as const)('%s', (_label, columns, plan, message, reason) => {
    const k1 = indicatorOf(analyse(columns, { plan, einddatum: columns.map(() => 'nee') }), 'K1');
    expect(k1.flags.map((flag) => flag.message)).toEqual([message]);
    expect(k1.proposal.reason).toBe(reason);
  });

  it('nobody knows: "Geen van de ondervraagden weet of …", not "Alle ondervraagden weten niet …"', () => {
    const k1 = indicatorOf(
      analyse([G, partner(1), partner(2)], { plan: ['weet_niet', 'weet_niet', 'weet_niet'] }),
      'K1',
    );
    expect(k1.proposal.finding).toBe('Geen van de ondervraagden weet of er een plan is.');
  });

  it('a partner in draft and a risk: whole sentences, no "Risico:" prefix', () => {
    const k1 = indicatorOf(
      analyse([G, partner(1), partner(2, 'concept')], { plan: ['ja', 'ja', 'ja'], einddatum: ['ja', 'ja'] }),
      'K1',
    );
    expect(k1.flags.map((flag) => flag.message)).toEqual([
      'P2 heeft de vragenlijst nog niet ingediend.',
      'P2 heeft de vragenlijst nog niet ingediend.',
      'De gemeente en P1 geven aan dat het plan een einddatum heeft.',
    ]);
    expect(k1.proposal.reason).toBe(
      'Het antwoord van de gemeente op de kernvraag voldoet en ten minste de helft van de netwerkpartners is het daarmee eens, maar er is een risico.',
    );
  });
});
