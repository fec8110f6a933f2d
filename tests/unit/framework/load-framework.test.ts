import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameworkError } from '../../../server/framework/framework-errors.js';
import {
  findQuestionnaire,
  FRAMEWORK_FILE,
  loadFramework,
  validateFramework,
  type LoadedFramework,
} from '../../../server/framework/load-framework.js';
import {
  isRecord,
  walkSurveyElements,
  type SurveyElementJson,
} from '../../../server/framework/survey-json.js';
import { miniFrameworkDir, questionnaireDir } from './framework-paths.js';

type Inputs = { framework: SurveyElementJson; files: Map<string, SurveyElementJson> };

let pristine: Inputs;

beforeAll(async () => {
  const read = async (file: string) => JSON.parse(await readFile(path.join(questionnaireDir, file), 'utf8'));
  pristine = {
    framework: await read(FRAMEWORK_FILE),
    files: new Map([
      ['gemeente.json', await read('gemeente.json')],
      ['netwerkpartner.json', await read('netwerkpartner.json')],
    ]),
  };
});

function copyInputs(): Inputs {
  return { framework: structuredClone(pristine.framework), files: structuredClone(pristine.files) };
}

function problemsOf(inputs: Inputs): string[] {
  try {
    validateFramework({ frameworkJson: inputs.framework, questionnaireFiles: inputs.files });
    return [];
  } catch (err) {
    if (err instanceof FrameworkError) return err.problems;
    throw err;
  }
}

function file(inputs: Inputs, name: string): SurveyElementJson {
  const json = inputs.files.get(name);
  if (!json) throw new Error(`no ${name}`);
  return json;
}

function element(json: SurveyElementJson, name: string): SurveyElementJson {
  const found = walkSurveyElements(json).find((e) => e.name === name && e.dynamicPanel === undefined);
  if (!found) throw new Error(`no element ${name}`);
  return found.json;
}

/** Removes a named element wherever it is nested. */
function removeElement(node: unknown, name: string): boolean {
  if (Array.isArray(node)) {
    const index = node.findIndex((item) => isRecord(item) && item.name === name);
    if (index >= 0) {
      node.splice(index, 1);
      return true;
    }
    return node.some((item) => removeElement(item, name));
  }
  if (!isRecord(node)) return false;
  return Object.values(node).some((value) => removeElement(value, name));
}

/** Navigates the framework JSON to an indicator by id. */
function indicator(framework: SurveyElementJson, id: string): SurveyElementJson {
  for (const theme of framework.themes as SurveyElementJson[]) {
    for (const criterion of theme.criteria as SurveyElementJson[]) {
      for (const candidate of criterion.indicators as SurveyElementJson[]) {
        if (candidate.id === id) return candidate;
      }
    }
  }
  throw new Error(`no indicator ${id}`);
}

function indicatorQuestion(framework: SurveyElementJson, id: string, name: string): SurveyElementJson {
  const found = (indicator(framework, id).questions as SurveyElementJson[]).find((q) => q.name === name);
  if (!found) throw new Error(`no question ${name} in ${id}`);
  return found;
}

describe('the GGSR framework', () => {
  let loaded: LoadedFramework;
  beforeAll(async () => {
    loaded = await loadFramework(questionnaireDir);
  });

  it('loads with both questionnaires and content-hash versions', () => {
    expect(loaded.questionnaires.map((q) => [q.id, q.role, q.file])).toEqual([
      ['gemeente', 'gemeente', 'gemeente.json'],
      ['netwerkpartner', 'netwerkpartner', 'netwerkpartner.json'],
    ]);
    for (const version of [loaded.version, ...loaded.questionnaires.map((q) => q.version)]) {
      expect(version).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(loaded.archiveId).toBe('toetsingskader');
    expect(findQuestionnaire(loaded, 'netwerkpartner')?.json).toBe(loaded.questionnaires[1]?.json);
    expect(findQuestionnaire(loaded, 'onbekend')).toBeUndefined();
  });

  it('is frozen, so no caller can change it for the others', () => {
    expect(Object.isFrozen(loaded.framework.themes[0])).toBe(true);
    expect(Object.isFrozen(loaded.questionnaires[0]?.json)).toBe(true);
  });

  it('accepts the unmodified in-memory copy (the mutations below start from a valid state)', () => {
    expect(problemsOf(copyInputs())).toEqual([]);
  });
});

type Mutation = { title: string; mutate: (inputs: Inputs) => void; expected: string[] };

const mutations: Mutation[] = [
  {
    title: 'a question missing from a questionnaire',
    mutate: (inputs) => void removeElement(file(inputs, 'gemeente.json'), 'doorzettingsmacht'),
    expected: ['gemeente.json: missing question "doorzettingsmacht" (indicator A9'],
  },
  {
    title: 'a missing Toelichting comment',
    mutate: (inputs) => void removeElement(file(inputs, 'netwerkpartner.json'), 'opschaling_toelichting'),
    expected: ['netwerkpartner.json: missing question "opschaling_toelichting"'],
  },
  {
    title: 'wrong checkbox choice values',
    mutate: (inputs) => {
      const choices = element(file(inputs, 'netwerkpartner.json'), 'aanmeldpunten')
        .choices as SurveyElementJson[];
      choices[0] = { value: 'centrum_jeugd', text: 'CJG' };
    },
    expected: [
      '"aanmeldpunten" choices differ from the framework; missing: cjg; not in the framework: centrum_jeugd',
    ],
  },
  {
    title: 'checkbox choices in another order',
    mutate: (inputs) => (element(file(inputs, 'gemeente.json'), 'doelen').choices as unknown[]).reverse(),
    expected: ['"doelen" choices differ from the framework; same values in another order'],
  },
  {
    title: 'a checkbox without the other item',
    mutate: (inputs) => void delete element(file(inputs, 'gemeente.json'), 'melders').showOtherItem,
    expected: ['gemeente.json: "melders" must set showOtherItem: true'],
  },
  {
    title: 'a jnw question without "weet_niet"',
    mutate: (inputs) => (element(file(inputs, 'gemeente.json'), 'regisseur').choices as unknown[]).pop(),
    expected: ['gemeente.json: "regisseur" must have exactly the choices ja, nee, weet_niet; found ja, nee'],
  },
  {
    title: 'a jnw question of the wrong type',
    mutate: (inputs) => void (element(file(inputs, 'gemeente.json'), 'outreachend').type = 'dropdown'),
    expected: ['gemeente.json: "outreachend" should be a radiogroup question (jnw), found dropdown'],
  },
  {
    title: 'a G-only question present in the partner questionnaire',
    mutate: (inputs) => {
      const page = (file(inputs, 'netwerkpartner.json').pages as SurveyElementJson[])[1];
      (page?.elements as unknown[]).push({
        type: 'radiogroup',
        name: 'beleid_ggsr',
        choices: ['ja', 'nee', 'weet_niet'],
      });
    },
    expected: [
      'netwerkpartner.json: "beleid_ggsr" is present but indicator A1, question "beleid_ggsr" is not asked of "netwerkpartner"',
    ],
  },
  {
    title: 'a question no indicator refers to',
    mutate: (inputs) => {
      const page = (file(inputs, 'gemeente.json').pages as SurveyElementJson[])[1];
      (page?.elements as unknown[]).push({ type: 'text', name: 'extra_vraag' });
    },
    expected: ['gemeente.json: question "extra_vraag" is not referenced by the framework'],
  },
  {
    title: 'two core questions in one indicator',
    mutate: (inputs) => void (indicatorQuestion(inputs.framework, 'A10', 'maximale_caseload').core = true),
    expected: [
      'indicator A10: 2 core questions (regisseur_selectie_eisen, maximale_caseload); at most one is allowed',
    ],
  },
  {
    title: 'a core question that is not jnw',
    mutate: (inputs) => void (indicatorQuestion(inputs.framework, 'T3', 'aanmeldpunten').core = true),
    expected: ['indicator T3: core question "aanmeldpunten" is checkbox, not jnw'],
  },
  {
    title: 'a rule on a question outside its indicator',
    mutate: (inputs) => {
      const rules = indicator(inputs.framework, 'A14').rules as SurveyElementJson[];
      (rules[0] as SurveyElementJson).question = 'onbekende_vraag';
    },
    expected: ['indicator A14, rule 1: question "onbekende_vraag" is not a question of indicator A14'],
  },
  {
    title: 'a rule on a value the question does not have',
    mutate: (inputs) => {
      const rules = indicator(inputs.framework, 'S3').rules as SurveyElementJson[];
      (rules[0] as SurveyElementJson).condition = { type: 'named_by_none', values: ['onderwijs', 'kerk'] };
    },
    expected: ['indicator S3, rule 1: value "kerk" is not a choice of "verbonden_partijen"'],
  },
  {
    title: 'an equals rule off the answer scale',
    mutate: (inputs) => {
      const rules = indicator(inputs.framework, 'C1').rules as SurveyElementJson[];
      (rules[0] as SurveyElementJson).condition = { type: 'equals', value: 'soms' };
    },
    expected: ['indicator C1, rule 1: value "soms" is not on the answer scale (ja, nee, weet_niet)'],
  },
  {
    title: 'a duplicate indicator id',
    mutate: (inputs) => void (indicator(inputs.framework, 'A2').id = 'A1'),
    expected: ['duplicate indicator id "A1"'],
  },
  {
    title: 'a question asked of an unknown questionnaire',
    mutate: (inputs) =>
      void (indicatorQuestion(inputs.framework, 'G1', 'eigen_kracht').askedOf = ['gemeente', 'jeugdarts']),
    expected: ['indicator G1, question "eigen_kracht": askedOf names unknown questionnaire "jeugdarts"'],
  },
  {
    title: 'a schema violation',
    mutate: (inputs) =>
      void (indicatorQuestion(inputs.framework, 'A9', 'doorzettingsmacht').polarity = 'soms'),
    expected: ['themes.2.criteria.1.indicators.1.questions.0.polarity'],
  },
  {
    title: 'a partner panel allowing more partners than the framework',
    mutate: (inputs) => void (element(file(inputs, 'gemeente.json'), 'netwerkpartners').maxPanelCount = 4),
    expected: ['"netwerkpartners" in "gemeente" has maxPanelCount 4, expected 3'],
  },
  {
    title: 'a partner panel without the e-mail field',
    mutate: (inputs) =>
      void removeElement(element(file(inputs, 'gemeente.json'), 'netwerkpartners'), 'email'),
    expected: [
      'context binding partnerNominations: questionnaire "gemeente" has no field "email" in "netwerkpartners"',
    ],
  },
  {
    title: 'an unreadable questionnaire',
    mutate: (inputs) => void inputs.files.delete('netwerkpartner.json'),
    expected: ['netwerkpartner.json: questionnaire "netwerkpartner" could not be read'],
  },
  {
    title: 'several problems at once: all are listed',
    mutate: (inputs) => {
      removeElement(file(inputs, 'gemeente.json'), 'outreachend');
      indicatorQuestion(inputs.framework, 'A10', 'maximale_caseload').core = true;
    },
    expected: ['gemeente.json: missing question "outreachend"', 'indicator A10: 2 core questions'],
  },
];

describe('the loader refuses a framework that disagrees with its questionnaires', () => {
  it.each(mutations)('$title', ({ mutate, expected }) => {
    const inputs = copyInputs();
    mutate(inputs);
    const problems = problemsOf(inputs);
    for (const fragment of expected) {
      expect(
        problems.some((problem) => problem.includes(fragment)),
        `"${fragment}" in:\n${problems.join('\n')}`,
      ).toBe(true);
    }
  });

  it('throws a FrameworkError whose message names the file and every problem', () => {
    const inputs = copyInputs();
    removeElement(file(inputs, 'gemeente.json'), 'opschaling');
    let caught: unknown;
    try {
      validateFramework({
        frameworkJson: inputs.framework,
        questionnaireFiles: inputs.files,
        source: 'x/kader.json',
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FrameworkError);
    expect((caught as FrameworkError).message).toContain('Invalid framework x/kader.json');
    expect((caught as FrameworkError).message).toContain('missing question "opschaling"');
  });

  it('reports unreadable files when loading from disk', async () => {
    await expect(loadFramework(miniFrameworkDir, 'bestaat-niet.json')).rejects.toThrow(
      /cannot be read \(ENOENT\)/,
    );
  });
});

describe('the mini framework (a second framework, no GGSR names)', () => {
  it('loads with the same loader', async () => {
    const loaded = await loadFramework(miniFrameworkDir);
    expect(loaded.framework.id).toBe('mini');
    expect(loaded.framework.themes[0]?.criteria[0]?.indicators.map((i) => i.id)).toEqual(['M1', 'M2']);
    expect(loaded.questionnaires.map((q) => q.id)).toEqual(['bestuur', 'partner']);
    expect(loaded.framework.explanationSuffix).toBeUndefined();
  });
});
