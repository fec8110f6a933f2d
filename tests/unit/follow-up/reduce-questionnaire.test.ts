import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework, type LoadedFramework } from '../../../server/framework/load-framework.js';
import { reduceQuestionnaire } from '../../../server/framework/reduce-questionnaire.js';
import { walkSurveyElements, type SurveyElementJson } from '../../../server/framework/survey-json.js';
import { compileAnswerSchema } from '../../../server/respond/answer-schema.js';

const questionnaireDir = path.resolve(import.meta.dirname, '..', '..', '..', 'questionnaires');
let loaded: LoadedFramework;
let gemeente: SurveyElementJson;
let partner: SurveyElementJson;

beforeAll(async () => {
  loaded = await loadFramework(questionnaireDir);
  const byRole = (role: string) => loaded.questionnaires.find((q) => q.role === role)?.json ?? {};
  gemeente = byRole('gemeente');
  partner = byRole('netwerkpartner');
});

const names = (json: SurveyElementJson) =>
  walkSurveyElements(json)
    .filter((e) => !e.dynamicPanel && e.name !== '')
    .map((e) => e.name);
const pageNames = (json: SurveyElementJson) =>
  (json.pages as SurveyElementJson[]).map((page) => String(page.name));

describe('reduceQuestionnaire', () => {
  it('keeps only the scoped indicators, their explanations, the context questions and the intro', () => {
    const reduced = reduceQuestionnaire(gemeente, loaded.framework, ['A9', 'S5']);
    expect(names(reduced)).toEqual([
      'welkom_tekst',
      'welkom_tekst_vervolg',
      'aanpak_naam',
      'aanpak_beschrijving',
      'aantal_gezinnen_in_aanpak',
      'criterium_toegeruste_regisseur',
      'doorzettingsmacht',
      'doorzettingsmacht_toelichting',
      'criterium_benodigde_partijen',
      'mandaat_medewerkers',
      'mandaat_medewerkers_toelichting',
      'netwerkpartners',
      'documenten',
    ]);
    expect(pageNames(reduced)).toEqual([
      'welkom',
      'over_de_aanpak',
      'thema_aanpak',
      'thema_samenwerking',
      'netwerkpartners_en_documenten',
    ]);
  });

  it('keeps a dependent question with its parent and pulls in a parent outside the scope', () => {
    const withParent = names(reduceQuestionnaire(gemeente, loaded.framework, ['A11']));
    expect(withParent).toEqual(
      expect.arrayContaining([
        'gezamenlijk_plan',
        'gezamenlijk_plan_toelichting',
        'plan_leidend',
        'plan_leidend_toelichting',
      ]),
    );
    // A synthetic questionnaire where the child's indicator is scoped but the parent's is not.
    const survey: SurveyElementJson = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'radiogroup', name: 'regisseur', choices: ['ja', 'nee'] },
            { type: 'radiogroup', name: 'doorzettingsmacht', visibleIf: "{regisseur} = 'ja'" },
            { type: 'radiogroup', name: 'mandaat_medewerkers' },
          ],
        },
      ],
    };
    expect(names(reduceQuestionnaire(survey, loaded.framework, ['A9']))).toEqual([
      'regisseur',
      'doorzettingsmacht',
    ]);
  });

  it('serves the partner questionnaire with its organisation question and leaves the input untouched', () => {
    const before = JSON.stringify(partner);
    const reduced = reduceQuestionnaire(partner, loaded.framework, ['T1']);
    expect(JSON.stringify(partner)).toBe(before);
    const kept = names(reduced);
    expect(kept).toEqual(
      expect.arrayContaining(['organisatie', 'doelgroep_omschrijving', 'doelgroep_kenmerken']),
    );
    expect(kept).not.toContain('eigen_kracht');
    expect(kept).not.toContain('populatie_omvang_bekend');
    // The reduced questionnaire still compiles into an answer schema that rejects dropped questions' shapes.
    const compiled = compileAnswerSchema(reduced);
    expect(compiled.progressQuestions.map((q) => q.key)).not.toContain('eigen_kracht');
    expect(reduceQuestionnaire(partner, loaded.framework, null)).toBe(partner);
  });
});
