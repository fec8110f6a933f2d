import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework, type LoadedFramework } from '../../../server/framework/load-framework.js';
import type { IndicatorQuestion } from '../../../server/framework/framework.schema.js';
import { questionnaireDir } from './framework-paths.js';

/**
 * /work/shared/questionnaire-catalogue.md, transcribed. The analysis, the fixtures and external tooling
 * address answers by these names and values: an edit of the framework that drifts from the catalogue fails
 * here, and the loader test proves the questionnaires follow the framework.
 */
const G = ['gemeente'];
const P = ['netwerkpartner'];
const GP = ['gemeente', 'netwerkpartner'];

const PARTIES = [
  'amk', 'bureau_jeugdzorg', 'raad_kinderbescherming', 'maatschappelijk_werk', 'politie', 'ggd', 'ggz',
  'verslavingszorg', 'woningcorporaties', 'onderwijs', 'leerplicht', 'cjg', 'wijkteam', 'schuldhulpverlening',
  'thuiszorg', 'leger_des_heils', 'mee', 'reclassering', 'sociale_zaken', 'jeugd_en_opvoedhulp',
  'gehandicaptenzorg', 'huisartsen', 'veiligheidshuis',
]; // prettier-ignore

type Row = {
  indicator: string;
  name: string;
  kind: IndicatorQuestion['kind'];
  who: string[];
  values?: string[];
  core?: true;
  negative?: true;
};

const INDICATORS: Row[] = [
  { indicator: 'T1', name: 'doelgroep_omschrijving', kind: 'comment', who: GP },
  {
    indicator: 'T1', name: 'doelgroep_kenmerken', kind: 'checkbox', who: GP,
    values: ['meervoudige_problematiek', 'minimaal_vier_leefgebieden', 'chronische_problematiek',
      'ouders_niet_zelf_oplossen', 'kinderen_lopen_risico', 'vastgelopen_hulpverlening', 'criminaliteit_overlast',
      'dreigende_uithuiszetting', 'alle_inwoners'],
  },
  { indicator: 'T2', name: 'populatie_omvang_bekend', kind: 'jnw', who: G, core: true },
  { indicator: 'T2', name: 'populatie_aantal', kind: 'text', who: G },
  { indicator: 'T2', name: 'populatie_wijken_bekend', kind: 'jnw', who: G },
  {
    indicator: 'T3', name: 'aanmeldpunten', kind: 'checkbox', who: GP,
    values: ['cjg', 'wijkteam', 'veiligheidshuis', 'gemeenteloket', 'mid_office', 'zorgnetwerk', 'ketenpartners',
      'politie', 'bureau_jeugdzorg', 'amk', 'inwoners_zelf'],
  },
  { indicator: 'T4', name: 'melders', kind: 'checkbox', who: GP, values: PARTIES },
  { indicator: 'G1', name: 'eigen_kracht', kind: 'jnw', who: GP, core: true },
  { indicator: 'G2', name: 'sociaal_netwerk', kind: 'jnw', who: GP, core: true },
  { indicator: 'G3', name: 'behoefte_uitgangspunt', kind: 'jnw', who: GP, core: true },
  { indicator: 'A1', name: 'beleid_ggsr', kind: 'jnw', who: G, core: true },
  { indicator: 'A2', name: 'gezamenlijke_visie', kind: 'jnw', who: GP, core: true },
  { indicator: 'A3', name: 'doelen_omschrijving', kind: 'comment', who: GP },
  {
    indicator: 'A3', name: 'doelen', kind: 'checkbox', who: GP,
    values: ['escalatie_voorkomen', 'acute_problemen_oplossen', 'eigen_kracht_en_regie', 'veiligheid_kinderen',
      'overlast_criminaliteit_verminderen', 'gezinssituatie_stabiliseren', 'samenwerking_professionals',
      'specialistische_zorg_verminderen'],
  },
  { indicator: 'A4', name: 'resultaten_bijgehouden', kind: 'jnw', who: GP, core: true },
  { indicator: 'A5', name: 'partners_evalueren', kind: 'jnw', who: GP, core: true },
  { indicator: 'A6', name: 'gemeente_evalueert', kind: 'jnw', who: GP, core: true },
  { indicator: 'A7', name: 'beleid_bijgesteld', kind: 'jnw', who: GP, core: true },
  { indicator: 'A8', name: 'regisseur', kind: 'jnw', who: GP, core: true },
  { indicator: 'A8', name: 'regisseur_functie', kind: 'text', who: GP },
  { indicator: 'A9', name: 'doorzettingsmacht', kind: 'jnw', who: GP, core: true },
  { indicator: 'A10', name: 'regisseur_selectie_eisen', kind: 'jnw', who: GP, core: true },
  { indicator: 'A10', name: 'maximale_caseload', kind: 'jnw', who: GP },
  { indicator: 'A11', name: 'gezamenlijk_plan', kind: 'jnw', who: GP, core: true },
  { indicator: 'A11', name: 'plan_leidend', kind: 'jnw', who: GP },
  { indicator: 'A12', name: 'alle_gezinsleden_leefgebieden', kind: 'jnw', who: GP, core: true },
  { indicator: 'A13', name: 'outreachend', kind: 'jnw', who: GP, core: true },
  {
    indicator: 'A14', name: 'afsluitcriteria', kind: 'checkbox', who: GP,
    values: ['doelen_behaald', 'problemen_beheersbaar', 'gezin_wil_niet_meer_meewerken', 'maximale_duur_bereikt',
      'overdracht_reguliere_zorg', 'geen_afspraken'],
  },
  { indicator: 'A14', name: 'drang_en_dwang', kind: 'jnw', who: GP, core: true },
  { indicator: 'S1', name: 'regie_gemeente', kind: 'jnw', who: GP, core: true },
  { indicator: 'S2', name: 'opschaling', kind: 'jnw', who: GP, core: true },
  { indicator: 'S3', name: 'verbonden_partijen', kind: 'checkbox', who: GP, values: PARTIES },
  { indicator: 'S4', name: 'samenwerkingsafspraken', kind: 'jnw', who: GP, core: true },
  { indicator: 'S5', name: 'mandaat_medewerkers', kind: 'jnw', who: GP, core: true },
  { indicator: 'S6', name: 'afspraken_informatiedeling', kind: 'jnw', who: GP, core: true },
  { indicator: 'S6', name: 'problemen_informatiedeling', kind: 'jnw', who: GP, negative: true },
  { indicator: 'C1', name: 'doorlopen_tot_opgelost', kind: 'jnw', who: GP, core: true },
  { indicator: 'C1', name: 'maximale_duur', kind: 'jnw', who: GP, negative: true },
  { indicator: 'C2', name: 'beschikbaarheid_zorg', kind: 'jnw', who: GP, core: true },
  { indicator: 'C3', name: 'vervolg_afspraken', kind: 'jnw', who: GP, core: true },
]; // prettier-ignore

const CONTEXT = [
  { name: 'aanpak_naam', kind: 'text', who: G },
  { name: 'aanpak_beschrijving', kind: 'comment', who: G },
  { name: 'aantal_gezinnen_in_aanpak', kind: 'number', who: G },
  { name: 'documenten', kind: 'file', who: G },
  { name: 'netwerkpartners', kind: 'paneldynamic', who: G },
  { name: 'organisatie', kind: 'text', who: P },
  { name: 'rol_in_aanpak', kind: 'comment', who: P },
];

/** Themes → criteria → indicators, by id, in factsheet order. */
const STRUCTURE = {
  toeleiding: [
    ['T1', 'T2'],
    ['T3', 'T4'],
  ],
  gezin_centraal: [['G1', 'G2', 'G3']],
  aanpak: [
    ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'],
    ['A8', 'A9', 'A10'],
    ['A11', 'A12'],
    ['A13', 'A14'],
  ],
  samenwerking: [['S1', 'S2'], ['S3', 'S4', 'S5'], ['S6']],
  continu: [['C1'], ['C2'], ['C3']],
};

/** The content rules of analysis-rules.md. */
const RULES = [
  { indicator: 'A14', question: 'afsluitcriteria', condition: { type: 'contains', value: 'gezin_wil_niet_meer_meewerken' }, who: 'any', level: 'verbeterpunt' },
  { indicator: 'A14', question: 'afsluitcriteria', condition: { type: 'contains', value: 'geen_afspraken' }, who: 'any', level: 'verbeterpunt' },
  { indicator: 'S3', question: 'verbonden_partijen', condition: { type: 'named_by_none', values: ['onderwijs', 'politie', 'woningcorporaties'] }, who: 'any', level: 'verbeterpunt' },
  { indicator: 'A10', question: 'maximale_caseload', condition: { type: 'equals', value: 'nee' }, who: 'gemeente_or_all_partners', level: 'let_op' },
  { indicator: 'A11', question: 'plan_leidend', condition: { type: 'equals', value: 'nee' }, who: 'any', level: 'let_op' },
  { indicator: 'S6', question: 'problemen_informatiedeling', condition: { type: 'equals', value: 'ja' }, who: 'any', level: 'let_op' },
  { indicator: 'C1', question: 'maximale_duur', condition: { type: 'equals', value: 'ja' }, who: 'any', level: 'let_op' },
]; // prettier-ignore

let loaded: LoadedFramework;
beforeAll(async () => {
  loaded = await loadFramework(questionnaireDir);
});

function indicators() {
  return loaded.framework.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators));
}

describe('the framework follows the questionnaire catalogue', () => {
  it('has 5 themes, 13 criteria and the 30 indicators in factsheet order', () => {
    const actual = Object.fromEntries(
      loaded.framework.themes.map((t) => [t.id, t.criteria.map((c) => c.indicators.map((i) => i.id))]),
    );
    expect(actual).toEqual(STRUCTURE);
    expect(indicators()).toHaveLength(30);
  });

  it('lists exactly the catalogue questions, in catalogue order', () => {
    const actual = indicators().flatMap((i) => i.questions.map((q) => `${i.id}:${q.name}`));
    expect(actual).toEqual(INDICATORS.map((row) => `${row.indicator}:${row.name}`));
  });

  it.each(INDICATORS)('$indicator $name: $kind asked of $who', (row) => {
    const indicator = indicators().find((i) => i.id === row.indicator);
    const question = indicator?.questions.find((q) => q.name === row.name);
    expect(question).toBeDefined();
    if (!question) return;
    expect(question.kind).toBe(row.kind);
    expect(question.askedOf).toEqual(row.who);
    expect(question.core).toBe(row.core === true);
    if (question.kind === 'checkbox') expect(question.choices.map((c) => c.value)).toEqual(row.values);
    if (question.kind === 'jnw') expect(question.polarity).toBe(row.negative ? 'negative' : 'positive');
  });

  it('has the catalogue context questions and bindings', () => {
    expect(loaded.framework.context.questions).toEqual(
      CONTEXT.map(({ name, kind, who }) => ({ name, askedOf: who, kind })),
    );
    expect(loaded.framework.context.bindings).toEqual({
      approachName: 'aanpak_naam',
      approachDescription: 'aanpak_beschrijving',
      familyCount: 'aantal_gezinnen_in_aanpak',
      documents: 'documenten',
      respondentOrganisation: 'organisatie',
      partnerNominations: {
        question: 'netwerkpartners',
        organisation: 'organisatie',
        contactName: 'contactpersoon',
        email: 'email',
        max: 3,
      },
    });
  });

  it('has the answer scale, the partner limit and the questionnaires of the catalogue', () => {
    expect(loaded.framework.answerScale).toEqual({ yes: 'ja', no: 'nee', unknown: 'weet_niet' });
    expect(loaded.framework.maxPartners).toBe(3);
    expect(loaded.framework.explanationSuffix).toBe('_toelichting');
  });

  it('has the content rules of analysis-rules.md', () => {
    const actual = indicators().flatMap((i) =>
      i.rules.map((r) => ({
        indicator: i.id,
        question: r.question,
        condition: r.condition,
        who: r.who,
        level: r.level,
      })),
    );
    const byKey = (rule: { indicator: string; condition: unknown }) =>
      `${rule.indicator} ${JSON.stringify(rule.condition)}`;
    expect(actual.map(byKey).sort()).toEqual(RULES.map(byKey).sort());
    for (const rule of RULES) expect(actual).toContainEqual(rule);
  });

  it('gives every checkbox choice a Dutch noun-phrase label and every question its phrases', () => {
    for (const question of indicators().flatMap((i) => i.questions)) {
      if (question.kind === 'checkbox') {
        for (const choice of question.choices) expect(choice.label, choice.value).not.toMatch(/_/);
      }
      if (question.kind === 'jnw') {
        // Subordinate clauses after "geven aan dat": lower-case start, no full stop.
        for (const phrase of [question.phrases.yes, question.phrases.no])
          expect(phrase).toMatch(/^[a-zé].*[^.]$/);
        expect(question.phrases.yes).not.toBe(question.phrases.no);
      }
    }
  });
});
