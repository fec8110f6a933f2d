import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Model, type Question } from 'survey-core';
import 'survey-core/i18n/dutch';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findQuestionnaire,
  loadFramework,
  type LoadedFramework,
} from '../../../server/framework/load-framework.js';
import { topLevelQuestions } from '../../../server/framework/survey-json.js';
import { ggsrAnswersDir, questionnaireDir } from './framework-paths.js';

/** How the server checks a submission (DESIGN.md): SurveyJS in Node with the Dutch locale. */
function validate(json: Record<string, unknown>, data: Record<string, unknown>) {
  const model = new Model(json);
  model.locale = 'nl';
  model.data = data;
  model.clearIncorrectValues(true);
  const valid = model.validate(true, false);
  const errors = model
    .getAllQuestions(false, false, true)
    .flatMap((question: Question) =>
      question.errors.map((error) => ({ question: question.name, message: error.getText() })),
    );
  return { model, valid, errors };
}

async function answers(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(ggsrAnswersDir, file), 'utf8'));
}

let loaded: LoadedFramework;
let gemeente: Record<string, unknown>;
let partner: Record<string, unknown>;

beforeAll(async () => {
  loaded = await loadFramework(questionnaireDir);
  gemeente = findQuestionnaire(loaded, 'gemeente')?.json ?? {};
  partner = findQuestionnaire(loaded, 'netwerkpartner')?.json ?? {};
});

const cases = [
  { id: 'gemeente', answers: 'gemeente-integrale-aanpak.json' },
  { id: 'netwerkpartner', answers: 'netwerkpartner-integrale-aanpak.json' },
];

describe.each(cases)('the $id questionnaire in survey-core', ({ id, answers: answerFile }) => {
  const json = () => findQuestionnaire(loaded, id)?.json ?? {};

  it('has no unknown properties (Serializer jsonErrors)', () => {
    const model = new Model(json());
    expect((model.jsonErrors ?? []).map((error) => error.message)).toEqual([]);
  });

  it('has a welcome page, progress by pages and a Dutch completion text', () => {
    const model = new Model(json());
    expect(model.pages[0]?.name).toBe('welkom');
    expect(model.showProgressBar).toBe(true);
    expect(model.progressBarType).toBe('pages');
    expect(String(json().completedHtml)).toContain('Bedankt');
    const welcome = JSON.stringify(model.pages[0]?.toJSON());
    for (const phrase of [
      'automatisch opgeslagen',
      'dezelfde persoonlijke link',
      'Vertrouwelijk',
      'minuten',
    ]) {
      expect(welcome).toContain(phrase);
    }
  });

  it('accepts a complete realistic answer set', async () => {
    const data = await answers(answerFile);
    const { valid, errors, model } = validate(json(), data);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    // clearIncorrectValues kept every answer: the fixture uses only the questionnaire's names and values.
    expect(Object.keys(model.data).sort()).toEqual(Object.keys(data).sort());
  });

  it('rejects a missing core answer with a Dutch message on that question only', async () => {
    const data = await answers(answerFile);
    delete data.doorzettingsmacht;
    const { valid, errors } = validate(json(), data);
    expect(valid).toBe(false);
    expect(errors).toEqual([{ question: 'doorzettingsmacht', message: expect.stringMatching(/vraag/) }]);
    expect(errors[0]?.message).toBe('Dit is een vereiste vraag');
  });

  it('drops answers that are not on the scale', async () => {
    const data = { ...(await answers(answerFile)), eigen_kracht: 'misschien' };
    const { valid, errors, model } = validate(json(), data);
    expect(model.data.eigen_kracht).toBeUndefined();
    expect(valid).toBe(false);
    expect(errors.map((e) => e.question)).toEqual(['eigen_kracht']);
  });

  it('hides dependent questions, does not require them, and drops their values on completion', async () => {
    const data = { ...(await answers(answerFile)), regisseur: 'nee', gezamenlijk_plan: 'nee' };
    const { valid, model } = validate(json(), data);
    expect(valid).toBe(true);
    expect(model.getQuestionByName('regisseur_functie')?.isVisible).toBe(false);
    expect(model.getQuestionByName('regisseur_functie_toelichting')).toBeNull();
    expect(model.getQuestionByName('plan_leidend')?.isVisible).toBe(false);
    expect(model.getQuestionByName('plan_leidend_toelichting')?.isVisible).toBe(false);
    // clearIncorrectValues keeps hidden answers; completing the model (clearInvisibleValues: onComplete,
    // the SurveyJS default) drops them. The server must store the completed model's data.
    expect(model.data.regisseur_functie).toBe('procesmanager');
    model.doComplete();
    expect(model.data.regisseur_functie).toBeUndefined();
    expect(model.data.plan_leidend).toBeUndefined();
    expect(model.data.regisseur).toBe('nee');
  });

  it('requires exactly the core questions and the required context questions', () => {
    const model = new Model(json());
    const required = model
      .getAllQuestions(false, false, false)
      .filter((question: Question) => question.isRequired)
      .map((question: Question) => question.name)
      .sort();
    const core = loaded.framework.themes
      .flatMap((t) => t.criteria.flatMap((c) => c.indicators.flatMap((i) => i.questions)))
      .filter((q) => q.core && q.askedOf.includes(id))
      .map((q) => q.name);
    const context =
      id === 'gemeente' ? ['aanpak_beschrijving', 'aanpak_naam', 'netwerkpartners'] : ['organisatie'];
    expect(required).toEqual([...core, ...context].sort());
  });

  it('offers an optional Toelichting after every jnw question, visible with it', () => {
    const model = new Model(json());
    for (const question of model.getAllQuestions() as Question[]) {
      if (question.getType() !== 'radiogroup') continue;
      const explanation = model.getQuestionByName(`${question.name}_toelichting`);
      expect(explanation?.getType(), question.name).toBe('comment');
      expect(explanation?.isRequired).toBe(false);
      expect(explanation?.visibleIf ?? '').toBe(question.visibleIf ?? '');
      expect(question.choices.map((c: { text: string }) => c.text)).toEqual(['Ja', 'Nee', 'Weet ik niet']);
    }
  });

  it('gives checkbox questions a Dutch "other" item', () => {
    const model = new Model(json());
    model.locale = 'nl';
    for (const question of model.getAllQuestions() as Question[]) {
      if (question.getType() !== 'checkbox') continue;
      expect(question.showOtherItem, question.name).toBe(true);
      expect(question.otherText).toBe('Anders, namelijk');
    }
  });

  it('explains the jargon in plain Dutch where a question uses it', () => {
    const model = new Model(json());
    const jargon = [
      'regisseur',
      'doorzettingsmacht',
      'outreachend',
      'drang',
      'opschaling',
      'convenant',
      'caseload',
    ];
    for (const word of jargon) {
      const explained = (model.getAllQuestions() as Question[]).some(
        (question) =>
          question.title.toLowerCase().includes(word) && question.description.toLowerCase().includes(word),
      );
      expect(explained, word).toBe(true);
    }
  });
});

describe('the two questionnaires', () => {
  it('put each criterion in a panel titled as in the framework, one page per theme', () => {
    for (const json of [gemeente, partner]) {
      const model = new Model(json);
      for (const theme of loaded.framework.themes) {
        const page = model.getPageByName(`thema_${theme.id}`);
        expect(page?.title).toBe(theme.title);
        for (const name of page?.elements.map((element) => element.name) ?? []) {
          const criterion = theme.criteria.find((c) => `criterium_${c.id}` === name);
          expect(model.getPanelByName(name)?.title, name).toBe(criterion?.title);
        }
      }
    }
  });

  it('make the partner questionnaire strictly shorter: a subset of the municipality names plus partner context', () => {
    const g = topLevelQuestions(gemeente).map((q) => q.name);
    const p = topLevelQuestions(partner).map((q) => q.name);
    expect(p.length).toBeLessThan(g.length);
    const partnerOnly = loaded.framework.context.questions
      .filter((q) => !q.askedOf.includes('gemeente'))
      .map((q) => q.name);
    expect(p.filter((name) => !g.includes(name)).sort()).toEqual(partnerOnly.sort());
    for (const gOnly of [
      'beleid_ggsr',
      'populatie_omvang_bekend',
      'populatie_aantal',
      'populatie_wijken_bekend',
      'aanpak_naam',
      'netwerkpartners',
      'documenten',
    ]) {
      expect(p).not.toContain(gOnly);
    }
  });

  it('shows the dependent questions of the catalogue only after a "ja"', () => {
    const model = new Model(gemeente);
    const dependents = {
      populatie_aantal: 'populatie_omvang_bekend',
      regisseur_functie: 'regisseur',
      plan_leidend: 'gezamenlijk_plan',
    };
    for (const [dependent, parent] of Object.entries(dependents)) {
      expect(model.getQuestionByName(dependent)?.isVisible).toBe(false);
      model.setValue(parent, 'ja');
      expect(model.getQuestionByName(dependent)?.isVisible).toBe(true);
    }
  });

  it('let the municipality name one to three partners with a valid e-mail address', () => {
    const model = new Model(gemeente);
    model.locale = 'nl';
    const panel = model.getQuestionByName('netwerkpartners');
    expect(panel?.minPanelCount).toBe(1);
    expect(panel?.maxPanelCount).toBe(3);
    model.setValue('netwerkpartners', [{ organisatie: 'GGD', email: 'geen-adres' }, { contactpersoon: 'C' }]);
    panel?.validate(true);
    const fieldErrors = panel?.panels.flatMap((p: { questions: Question[] }) =>
      p.questions.flatMap((q) => q.errors.map((e) => `${q.name}: ${e.getText()}`)),
    );
    expect(fieldErrors).toEqual([
      'email: Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.',
      'organisatie: Dit is een vereiste vraag',
      'email: Dit is een vereiste vraag',
    ]);
  });

  it('accept documents as uploads (not inline data) of the allowed types up to 20 MB', () => {
    const documents = new Model(gemeente).getQuestionByName('documenten');
    expect(documents?.allowMultiple).toBe(true);
    expect(documents?.storeDataAsText).toBe(false);
    expect(documents?.maxSize).toBe(20 * 1024 * 1024);
    for (const extension of ['.pdf', '.docx', '.odt', '.xlsx', '.ods', '.png', '.jpg', '.jpeg']) {
      expect(String(documents?.acceptedTypes).split(',')).toContain(extension);
    }
  });
});
