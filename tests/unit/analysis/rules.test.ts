import { describe, expect, it } from 'vitest';
import { analyseInvestigation } from '../../../server/analysis/analyse-investigation.js';
import type { AnalysisResult, IndicatorAnalysis } from '../../../shared/analysis/analysis-result.js';
import { meetsIndicator } from '../../../server/analysis/propose-verdict.js';
import { frameworkSchema } from '../../../server/framework/framework.schema.js';
import { buildAnswerSets, type AnswerRows, type RespondentColumn } from './fixtures/answer-table.js';
import { ggsrFramework } from './fixtures/frameworks.js';
import { meetingBaseline } from './fixtures/meeting-baseline.js';

const G = { role: 'gemeente', label: 'Gemeente' } as const;
const partner = (n: number, status: RespondentColumn['status'] = 'ingediend'): RespondentColumn => ({
  role: 'netwerkpartner',
  label: `Organisatie ${n}`,
  status,
});
const FOUR: readonly RespondentColumn[] = [G, partner(1), partner(2), partner(3)];

/** The baseline (everyone meets every indicator) with the given rows replaced. */
function analyse(overrides: AnswerRows, columns: readonly RespondentColumn[] = FOUR): AnalysisResult {
  return analyseInvestigation(
    ggsrFramework,
    buildAnswerSets('rules', columns, { ...meetingBaseline(columns), ...overrides }),
  );
}

function indicator(result: AnalysisResult, id: string): IndicatorAnalysis {
  const found = result.indicators.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

function flagSummary(analysis: IndicatorAnalysis): string[] {
  return analysis.flags.map(
    (flag) =>
      `${flag.kind} ${flag.question} [${flag.respondents.join(',')}] ${flag.count ?? '-'}/${flag.of ?? '-'}`,
  );
}

describe('baseline and empty input', () => {
  it('proposes voldoet everywhere when everyone meets every indicator', () => {
    const result = analyse({});
    expect(result.aggregates.proposalCounts).toEqual({
      voldoet: 30,
      voldoet_let_op: 0,
      verbeterpunt: 0,
      geen_oordeel: 0,
    });
    expect(result.indicators.flatMap((analysis) => analysis.flags)).toEqual([]);
    // Two reversed questions are answered nee by everyone, the rest ja: perfect agreement with variation.
    expect(result.aggregates.krippendorffAlpha.value).toBe(1);
  });

  it('gives geen_oordeel for every indicator without any answer set', () => {
    const result = analyseInvestigation(ggsrFramework, []);
    expect(result.respondents).toEqual([]);
    expect(result.indicators.every((analysis) => analysis.proposal.verdict === 'geen_oordeel')).toBe(true);
    expect(indicator(result, 'A9').proposal.finding).toBe(
      'De gemeente heeft de vragenlijst nog niet ingediend.',
    );
  });

  it('analyses the municipality alone (no partners): no comparison flags, G-only wording', () => {
    const result = analyse({ doorzettingsmacht: ['nee'] }, [G]);
    expect(indicator(result, 'A8').proposal).toMatchObject({
      verdict: 'voldoet',
      finding:
        'De gemeente geeft aan dat er één centrale persoon is die de zorg en ondersteuning voor het gezin afstemt.',
    });
    expect(indicator(result, 'A9').proposal.verdict).toBe('verbeterpunt');
    expect(result.indicators.flatMap((analysis) => analysis.flags)).toEqual([]);
  });
});

describe('submission status', () => {
  it.each(['concept', 'niet_gestart'] as const)(
    'municipality %s → geen_oordeel, shown as not submitted',
    (status) => {
      const result = analyse({}, [{ ...G, status }, partner(1), partner(2)]);
      const a9 = indicator(result, 'A9');
      expect(a9.proposal.verdict).toBe('geen_oordeel');
      expect(a9.answers['doorzettingsmacht']?.['G']).toEqual({
        state: 'not_submitted',
        responseStatus: status,
        display: 'nog niet ingediend',
      });
      expect(flagSummary(a9)).toEqual(['ontbreekt doorzettingsmacht [G] 1/3']);
    },
  );

  it('never counts a draft: a partner contradicting in concept raises no tegenspraak', () => {
    const result = analyse({ doorzettingsmacht: ['ja', 'ja', 'ja', 'nee'] }, [
      G,
      partner(1),
      partner(2),
      partner(3, 'concept'),
    ]);
    const a9 = indicator(result, 'A9');
    expect(a9.proposal.verdict).toBe('voldoet');
    expect(flagSummary(a9)).toEqual(['ontbreekt doorzettingsmacht [P3] 1/4']);
    expect(a9.answers['doorzettingsmacht']?.['P3']?.value).toBeUndefined();
    expect(result.aggregates.agreementByTheme.find((theme) => theme.theme === 'aanpak')?.pairs).toBe(2 * 14); // 14 jnw questions asked of both, two submitted partners
  });
});

describe('jnw: tegenspraak, onbekend, verdeeld and the proposal', () => {
  it.each([
    // [label, doorzettingsmacht G P1 P2 P3, verdict, flags]
    [
      'one contradicting partner of three',
      ['ja', 'ja', 'ja', 'nee'],
      'voldoet_let_op',
      ['tegenspraak doorzettingsmacht [P3] 1/3'],
    ],
    [
      'two of three contradict (Maastricht A9)',
      ['ja', 'ja', 'nee', 'nee'],
      'verbeterpunt',
      ['tegenspraak doorzettingsmacht [P2,P3] 2/3'],
    ],
    [
      'tie: one of two decided partners contradicts',
      ['ja', 'ja', 'nee', 'weet_niet'],
      'voldoet_let_op',
      ['tegenspraak doorzettingsmacht [P2] 1/3', 'onbekend doorzettingsmacht [P3] 1/3'],
    ],
    [
      'municipality nee, partners ja',
      ['nee', 'ja', 'ja', 'ja'],
      'verbeterpunt',
      ['tegenspraak doorzettingsmacht [P1,P2,P3] 3/3'],
    ],
    ['everyone nee', ['nee', 'nee', 'nee', 'nee'], 'verbeterpunt', []],
    [
      'partners unaware',
      ['ja', 'weet_niet', 'weet_niet', 'ja'],
      'voldoet_let_op',
      ['onbekend doorzettingsmacht [P1,P2] 2/3'],
    ],
    [
      'municipality weet_niet, partners divided',
      ['weet_niet', 'ja', 'nee', 'nee'],
      'verbeterpunt',
      ['verdeeld doorzettingsmacht [P1,P2,P3] -/3'],
    ],
    ['municipality weet_niet, partners agree', ['weet_niet', 'ja', 'ja', 'ja'], 'verbeterpunt', []],
  ] as const)('%s', (_label, answers, verdict, flags) => {
    const a9 = indicator(analyse({ doorzettingsmacht: answers }), 'A9');
    expect(a9.proposal.verdict).toBe(verdict);
    expect(flagSummary(a9)).toEqual(flags);
  });

  it('ties with two partners: one agrees, one contradicts → voldoet_let_op with the minority as LET OP', () => {
    const a9 = indicator(
      analyse({ doorzettingsmacht: ['ja', 'ja', 'nee'] }, [G, partner(1), partner(2)]),
      'A9',
    );
    expect(a9.proposal).toMatchObject({
      verdict: 'voldoet_let_op',
      finding:
        'De gemeente en één netwerkpartner geven aan dat de doorzettingsmacht voor de regisseur geregeld is.',
      letOp: 'Eén netwerkpartner geeft aan dat de doorzettingsmacht voor de regisseur niet geregeld is.',
    });
  });

  it('drafts "weet niet of" and "alle ondervraagden"', () => {
    expect(indicator(analyse({ regisseur: ['ja', 'ja', 'weet_niet', 'ja'] }), 'A8').proposal).toMatchObject({
      finding:
        'De gemeente en twee netwerkpartners geven aan dat er één centrale persoon is die de zorg en ondersteuning voor het gezin afstemt.',
      letOp:
        'Eén netwerkpartner weet niet of er één centrale persoon is die de zorg en ondersteuning voor het gezin afstemt.',
    });
    expect(indicator(analyse({}), 'A9').proposal.finding).toBe(
      'Alle ondervraagden geven aan dat de doorzettingsmacht voor de regisseur geregeld is.',
    );
  });
});

describe('missing answers → ontbreekt', () => {
  it('flags a submitted partner that left the core empty and makes it a LET OP', () => {
    const a9 = indicator(analyse({ doorzettingsmacht: ['ja', 'ja', undefined, 'ja'] }), 'A9');
    expect(flagSummary(a9)).toEqual(['ontbreekt doorzettingsmacht [P2] 1/4']);
    expect(a9.proposal).toMatchObject({
      verdict: 'voldoet_let_op',
      letOp:
        'Eén netwerkpartner heeft niet aangegeven of de doorzettingsmacht voor de regisseur geregeld is.',
    });
  });

  it('treats a value of the wrong shape as missing', () => {
    const a9 = indicator(analyse({ doorzettingsmacht: ['ja', 'ja', 'misschien', 'ja'] }), 'A9');
    expect(a9.answers['doorzettingsmacht']?.['P2']?.state).toBe('invalid');
    expect(flagSummary(a9)).toEqual(['ontbreekt doorzettingsmacht [P2] 1/4']);
  });

  it('does not report a supporting question hidden after a core nee (A11 plan_leidend)', () => {
    const a11 = indicator(
      analyse({ gezamenlijk_plan: ['ja', 'ja', 'ja', 'nee'], plan_leidend: ['ja', 'ja', 'ja', undefined] }),
      'A11',
    );
    expect(flagSummary(a11)).toEqual(['tegenspraak gezamenlijk_plan [P3] 1/3']);
  });

  it('reports an empty supporting question of a respondent who answered the core ja', () => {
    const a10 = indicator(analyse({ maximale_caseload: ['ja', undefined, 'ja', 'ja'] }), 'A10');
    expect(flagSummary(a10)).toEqual(['ontbreekt maximale_caseload [P1] 1/4']);
    expect(a10.proposal.verdict).toBe('voldoet'); // optional item: no LET OP
  });

  it('never reports an empty text question', () => {
    expect(indicator(analyse({}), 'A8').flags).toEqual([]);
  });
});

describe('municipality-only questions', () => {
  it('asks partners nothing: their data for a G-only question is not read or compared', () => {
    const t2 = indicator(analyse({ populatie_omvang_bekend: ['ja', 'nee', 'nee', 'nee'] }), 'T2');
    expect(t2.flags).toEqual([]);
    expect(t2.answers['populatie_omvang_bekend']?.['P1']).toMatchObject({
      state: 'not_asked',
      display: 'niet gevraagd',
    });
    expect(t2.proposal.finding).toBe(
      'De gemeente geeft aan dat bekend is om hoeveel gezinnen het ongeveer gaat. De gemeente geeft aan dat bekend is in welke wijken deze gezinnen vooral wonen.',
    );
  });
});

describe('polarity', () => {
  it('a contradiction on a reversed question is still a contradiction, on the literal answers', () => {
    const c1 = indicator(analyse({ maximale_duur: ['nee', 'ja', 'nee', 'nee'] }), 'C1');
    expect(flagSummary(c1)).toEqual(['tegenspraak maximale_duur [P1] 1/3', 'risico maximale_duur [P1] 1/4']);
    expect(c1.flags[0]?.message).toContain('omgekeerde vraag');
  });

  it('"meets" uses the polarity-corrected value', () => {
    const negative = ggsrFramework.themes
      .flatMap((theme) => theme.criteria.flatMap((criterion) => criterion.indicators))
      .flatMap((candidate) => candidate.questions)
      .find((question) => question.kind === 'jnw' && question.polarity === 'negative');
    if (negative?.kind !== 'jnw') throw new Error('the framework has a reversed question');
    expect(meetsIndicator(negative, 'no')).toBe(true);
    expect(meetsIndicator(negative, 'yes')).toBe(false);
  });

  it('a reversed core question is met by nee', () => {
    const framework = frameworkSchema.parse({
      id: 'polariteit',
      title: 'Kader met een omgekeerde kernvraag',
      questionnaires: [
        { id: 'g', role: 'gemeente', file: 'g.json' },
        { id: 'p', role: 'netwerkpartner', file: 'p.json' },
      ],
      answerScale: { yes: 'ja', no: 'nee', unknown: 'weet_niet' },
      maxPartners: 3,
      themes: [
        {
          id: 't',
          title: 'T',
          description: 'thema',
          criteria: [
            {
              id: 'c',
              title: 'C',
              indicators: [
                {
                  id: 'X1',
                  text: 'Er is geen wachtlijst',
                  questions: [
                    {
                      name: 'wachtlijst',
                      askedOf: ['g', 'p'],
                      core: true,
                      kind: 'jnw',
                      polarity: 'negative',
                      phrases: { yes: 'er een wachtlijst is', no: 'er geen wachtlijst is' },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const sets = (g: string, p: string) =>
      buildAnswerSets('polarity', [G, partner(1)], { wachtlijst: [g, p] });
    expect(analyseInvestigation(framework, sets('nee', 'nee')).indicators[0]?.proposal.verdict).toBe(
      'voldoet',
    );
    expect(analyseInvestigation(framework, sets('ja', 'ja')).indicators[0]?.proposal.verdict).toBe(
      'verbeterpunt',
    );
    expect(analyseInvestigation(framework, sets('nee', 'ja')).indicators[0]?.proposal).toMatchObject({
      verdict: 'verbeterpunt', // the only partner contradicts: more than half
      finding:
        'De gemeente geeft aan dat er geen wachtlijst is. De netwerkpartner geeft aan dat er een wachtlijst is.',
    });
  });
});

describe('risico rules', () => {
  it.each([
    [
      'A14 gezin_wil_niet_meer_meewerken (any; names who)',
      'A14',
      {
        afsluitcriteria: [
          ['doelen_behaald'],
          ['gezin_wil_niet_meer_meewerken'],
          ['doelen_behaald'],
          ['doelen_behaald'],
        ],
      },
      'verbeterpunt',
      'risico afsluitcriteria [P1] 1/4',
    ],
    [
      'A14 geen_afspraken (any)',
      'A14',
      { afsluitcriteria: [['geen_afspraken'], ['doelen_behaald'], ['doelen_behaald'], ['doelen_behaald']] },
      'verbeterpunt',
      'risico afsluitcriteria [G] 1/4',
    ],
    [
      'S3 a key party named by nobody',
      'S3',
      {
        verbonden_partijen: [
          ['politie', 'woningcorporaties'],
          ['politie'],
          ['woningcorporaties'],
          ['politie'],
        ],
      },
      'verbeterpunt',
      'risico verbonden_partijen [] 0/4',
    ],
    [
      'A10 maximale_caseload nee for the municipality',
      'A10',
      { maximale_caseload: ['nee', 'nee', 'ja', 'ja'] },
      'voldoet_let_op',
      'risico maximale_caseload [G] 1/4',
    ],
    [
      'A10 maximale_caseload nee for all partners',
      'A10',
      { maximale_caseload: ['ja', 'nee', 'nee', 'nee'] },
      'voldoet_let_op',
      'risico maximale_caseload [P1,P2,P3] 3/4',
    ],
    [
      'A11 plan_leidend nee for any respondent',
      'A11',
      { plan_leidend: ['ja', 'ja', 'nee', 'ja'] },
      'voldoet_let_op',
      'risico plan_leidend [P2] 1/4',
    ],
    [
      'S6 problemen_informatiedeling ja for any respondent',
      'S6',
      { problemen_informatiedeling: ['ja', 'ja', 'ja', 'ja'] },
      'voldoet_let_op',
      'risico problemen_informatiedeling [G,P1,P2,P3] 4/4',
    ],
    [
      'C1 maximale_duur ja for any respondent',
      'C1',
      { maximale_duur: ['ja', 'ja', 'ja', 'ja'] },
      'voldoet_let_op',
      'risico maximale_duur [G,P1,P2,P3] 4/4',
    ],
  ] as const)('%s', (_label, id, overrides, verdict, flag) => {
    const analysis = indicator(analyse(overrides), id);
    expect(analysis.proposal.verdict).toBe(verdict);
    expect(flagSummary(analysis)).toContain(flag);
  });

  it('A10: maximale_caseload nee for only some partners is not a risico (only a tegenspraak)', () => {
    const a10 = indicator(analyse({ maximale_caseload: ['ja', 'nee', 'ja', 'ja'] }), 'A10');
    expect(flagSummary(a10)).toEqual(['tegenspraak maximale_caseload [P1] 1/3']);
  });

  it('S3: one flag per missing key party, one drafted sentence naming them all', () => {
    const s3 = indicator(analyse({ verbonden_partijen: [['ggz'], ['ggz'], ['ggz'], ['ggz']] }), 'S3');
    expect(s3.flags.filter((flag) => flag.kind === 'risico')).toHaveLength(3);
    expect(s3.proposal.finding).toBe(
      'Alle ondervraagden noemen de ggz als verbonden partij. Uit de antwoorden blijkt dat geen van de ondervraagden het onderwijs, de politie en woningcorporaties noemt als partij die verbonden is aan de aanpak.',
    );
  });

  it('drafts a LET OP risk by role and count (S6)', () => {
    const s6 = indicator(analyse({ problemen_informatiedeling: ['ja', 'ja', 'ja', 'ja'] }), 'S6');
    expect(s6.proposal.letOp).toBe(
      'Alle ondervraagden geven aan dat er in de praktijk problemen zijn bij het delen van informatie.',
    );
  });
});

describe('checkbox comparison', () => {
  it.each([
    ['same items', [['wijkteam'], ['wijkteam'], ['wijkteam'], ['wijkteam']], 'voldoet', []],
    [
      'G names an item fewer than half of the partners name',
      [['wijkteam', 'cjg'], ['wijkteam'], ['wijkteam'], ['wijkteam', 'cjg']],
      'voldoet_let_op',
      ['uiteenlopend aanmeldpunten [P1,P2] 2/3'],
    ],
    [
      'half of the partners name an item G does not',
      [['wijkteam'], ['wijkteam', 'cjg'], ['wijkteam', 'cjg'], ['wijkteam']],
      'voldoet_let_op',
      ['uiteenlopend aanmeldpunten [P1,P2] 2/3'],
    ],
    [
      'G shares an item with half of the partners only',
      [['wijkteam'], ['wijkteam'], ['wijkteam'], ['cjg']],
      'voldoet_let_op',
      ['uiteenlopend aanmeldpunten [P3] 1/3'],
    ],
    [
      'G shares nothing with half of the partners',
      [['wijkteam'], ['wijkteam'], ['cjg'], ['cjg']],
      'verbeterpunt',
      ['uiteenlopend aanmeldpunten [P2,P3] 2/3'],
    ],
  ] as const)('%s', (_label, aanmeldpunten, verdict, flags) => {
    const t3 = indicator(analyse({ aanmeldpunten }), 'T3');
    expect(t3.proposal.verdict).toBe(verdict);
    expect(flagSummary(t3)).toEqual(flags);
  });

  it('reports per item who named it, and other texts apart', () => {
    const t3 = indicator(
      analyse({
        aanmeldpunten: [
          ['wijkteam'],
          { values: ['wijkteam'], other: 'de huisarts' },
          ['wijkteam', 'cjg'],
          ['wijkteam'],
        ],
      }),
      'T3',
    );
    expect(t3.comparisons.checkbox).toEqual([
      {
        question: 'aanmeldpunten',
        respondents: ['G', 'P1', 'P2', 'P3'],
        items: [
          { value: 'cjg', label: 'het CJG', namedBy: ['P2'] },
          { value: 'wijkteam', label: 'het wijkteam', namedBy: ['G', 'P1', 'P2', 'P3'] },
        ],
        otherTexts: [{ respondent: 'P1', text: 'de huisarts' }],
      },
    ]);
    expect(t3.proposal.finding).toBe(
      'Alle ondervraagden noemen het wijkteam als aanmeldpunt. Eén netwerkpartner noemt daarnaast het CJG als aanmeldpunt. Daarnaast wordt genoemd: “de huisarts”.',
    );
  });
});

describe('comment comparison', () => {
  it('shows texts side by side with scores and flags the far one', () => {
    const t1 = indicator(
      analyse({
        doelgroep_omschrijving: [
          'Gezinnen met chronische problemen op meerdere leefgebieden.',
          'Gezinnen met chronische problemen op vier leefgebieden.',
          'Gezinnen met problemen op meerdere leefgebieden.',
          'Jongeren die school verlaten.',
        ],
      }),
      'T1',
    );
    const comparison = t1.comparisons.comments[0];
    expect(comparison?.pairs).toHaveLength(6);
    expect(comparison?.texts.map((text) => text.respondent)).toEqual(['G', 'P1', 'P2', 'P3']);
    expect(comparison?.texts[3]?.meanSimilarity).toBe(0);
    expect(flagSummary(t1)).toEqual(['afwijkende_omschrijving doelgroep_omschrijving [P3] 1/4']);
    expect(t1.proposal).toMatchObject({
      verdict: 'voldoet_let_op',
      letOp:
        'De omschrijving van de doelgroep door één netwerkpartner wijkt af van die van de andere ondervraagden.',
    });
  });

  it('with two texts flags only the partner (the municipality is the reference)', () => {
    const t1 = indicator(
      analyse(
        { doelgroep_omschrijving: ['Gezinnen met chronische problemen.', 'Jongeren die school verlaten.'] },
        [G, partner(1)],
      ),
      'T1',
    );
    expect(flagSummary(t1)).toEqual(['afwijkende_omschrijving doelgroep_omschrijving [P1] 1/2']);
    expect(t1.proposal.letOp).toBe(
      'De omschrijving van de doelgroep door de netwerkpartner wijkt af van die van de gemeente.',
    );
  });
});
