import type { Framework, IndicatorQuestion, RiskRule } from './framework.schema.js';
import {
  choiceValues,
  templateQuestions,
  topLevelQuestions,
  walkSurveyQuestions,
  type WalkedElement,
} from './survey-json.js';

/** A question the framework expects in questionnaires: an indicator question or a context question. */
type ExpectedQuestion = {
  name: string;
  askedOf: string[];
  kind: IndicatorQuestion['kind'] | Framework['context']['questions'][number]['kind'] | 'explanation';
  choices?: string[];
  where: string;
};

/**
 * Cross-checks a schema-valid framework against the SurveyJS JSON of its questionnaires (keyed by
 * questionnaire id). Returns every problem found, so an editor fixes them in one go; empty means consistent.
 */
export function checkFramework(framework: Framework, questionnaires: ReadonlyMap<string, unknown>): string[] {
  const problems: string[] = [];
  const questionnaireIds = framework.questionnaires.map((ref) => ref.id);
  reportDuplicates(questionnaireIds, 'questionnaire id', problems);
  reportDuplicates(
    framework.themes.map((theme) => theme.id),
    'theme id',
    problems,
  );
  const criteria = framework.themes.flatMap((theme) => theme.criteria);
  reportDuplicates(
    criteria.map((criterion) => criterion.id),
    'criterion id',
    problems,
  );
  const indicators = criteria.flatMap((criterion) => criterion.indicators);
  reportDuplicates(
    indicators.map((indicator) => indicator.id),
    'indicator id',
    problems,
  );

  const expected = expectedQuestions(framework);
  reportDuplicates(
    expected.map((question) => question.name),
    'question name',
    problems,
  );
  for (const question of expected) {
    for (const id of question.askedOf) {
      if (!questionnaireIds.includes(id)) {
        problems.push(`${question.where}: askedOf names unknown questionnaire "${id}"`);
      }
    }
  }

  for (const indicator of indicators) {
    const core = indicator.questions.filter((question) => question.core);
    if (core.length > 1) {
      problems.push(
        `indicator ${indicator.id}: ${core.length} core questions (${core.map((q) => q.name).join(', ')}); at most one is allowed`,
      );
    }
    for (const question of core) {
      if (question.kind !== 'jnw') {
        problems.push(
          `indicator ${indicator.id}: core question "${question.name}" is ${question.kind}, not jnw`,
        );
      }
    }
    for (const question of indicator.questions) {
      if (question.kind === 'checkbox') {
        reportDuplicates(
          question.choices.map((choice) => choice.value),
          `choice value of "${question.name}"`,
          problems,
        );
      }
    }
    indicator.rules.forEach((rule, index) => {
      checkRule(framework, indicator.id, indicator.questions, rule, index, problems);
    });
  }

  checkBindings(framework, questionnaires, problems);

  for (const ref of framework.questionnaires) {
    const json = questionnaires.get(ref.id);
    if (json === undefined) {
      problems.push(`${ref.file}: questionnaire "${ref.id}" could not be read`);
      continue;
    }
    checkQuestionnaire(ref.id, ref.file, json, expected, framework.answerScale, problems);
  }
  return problems;
}

function expectedQuestions(framework: Framework): ExpectedQuestion[] {
  const expected: ExpectedQuestion[] = [];
  for (const question of framework.context.questions) {
    expected.push({ ...question, where: `context question "${question.name}"` });
  }
  for (const theme of framework.themes) {
    for (const criterion of theme.criteria) {
      for (const indicator of criterion.indicators) {
        for (const question of indicator.questions) {
          const where = `indicator ${indicator.id}, question "${question.name}"`;
          expected.push({
            name: question.name,
            askedOf: question.askedOf,
            kind: question.kind,
            where,
            ...(question.kind === 'checkbox' ? { choices: question.choices.map((c) => c.value) } : {}),
          });
          if (question.kind === 'jnw' && framework.explanationSuffix) {
            expected.push({
              name: question.name + framework.explanationSuffix,
              askedOf: question.askedOf,
              kind: 'explanation',
              where: `${where} (explanation)`,
            });
          }
        }
      }
    }
  }
  return expected;
}

function checkRule(
  framework: Framework,
  indicatorId: string,
  questions: IndicatorQuestion[],
  rule: RiskRule,
  index: number,
  problems: string[],
): void {
  const where = `indicator ${indicatorId}, rule ${index + 1}`;
  const question = questions.find((q) => q.name === rule.question);
  if (!question) {
    problems.push(`${where}: question "${rule.question}" is not a question of indicator ${indicatorId}`);
    return;
  }
  const condition = rule.condition;
  switch (condition.type) {
    case 'contains':
    case 'named_by_none': {
      if (question.kind !== 'checkbox') {
        problems.push(
          `${where}: "${condition.type}" needs a checkbox question, "${question.name}" is ${question.kind}`,
        );
        return;
      }
      const values = condition.type === 'contains' ? [condition.value] : condition.values;
      const known = question.choices.map((choice) => choice.value);
      for (const value of values) {
        if (!known.includes(value)) {
          problems.push(`${where}: value "${value}" is not a choice of "${question.name}"`);
        }
      }
      return;
    }
    case 'equals': {
      if (question.kind !== 'jnw' && question.kind !== 'text') {
        problems.push(
          `${where}: "equals" needs a jnw or text question, "${question.name}" is ${question.kind}`,
        );
        return;
      }
      const scale = Object.values(framework.answerScale);
      if (question.kind === 'jnw' && !scale.includes(condition.value)) {
        problems.push(
          `${where}: value "${condition.value}" is not on the answer scale (${scale.join(', ')})`,
        );
      }
      return;
    }
    default: {
      const unreachable: never = condition;
      throw new Error(`unknown rule condition ${JSON.stringify(unreachable)}`);
    }
  }
}

function checkBindings(
  framework: Framework,
  questionnaires: ReadonlyMap<string, unknown>,
  problems: string[],
): void {
  const context = new Map(framework.context.questions.map((question) => [question.name, question]));
  const { partnerNominations, ...simple } = framework.context.bindings;
  for (const [binding, name] of Object.entries(simple)) {
    if (name !== undefined && !context.has(name)) {
      problems.push(`context binding ${binding}: "${name}" is not a context question`);
    }
  }
  if (!partnerNominations) return;
  const where = 'context binding partnerNominations';
  const panel = context.get(partnerNominations.question);
  if (!panel || panel.kind !== 'paneldynamic') {
    problems.push(`${where}: "${partnerNominations.question}" is not a paneldynamic context question`);
    return;
  }
  if (partnerNominations.max > framework.maxPartners) {
    problems.push(`${where}: max ${partnerNominations.max} exceeds maxPartners ${framework.maxPartners}`);
  }
  const fields = [partnerNominations.organisation, partnerNominations.contactName, partnerNominations.email];
  for (const id of panel.askedOf) {
    const json = questionnaires.get(id);
    if (json === undefined) continue;
    const names = templateQuestions(json, partnerNominations.question).map((question) => question.name);
    for (const field of fields) {
      if (!names.includes(field)) {
        problems.push(
          `${where}: questionnaire "${id}" has no field "${field}" in "${partnerNominations.question}"`,
        );
      }
    }
    const element = topLevelQuestions(json).find((q) => q.name === partnerNominations.question);
    if (element && element.json.maxPanelCount !== partnerNominations.max) {
      problems.push(
        `${where}: "${partnerNominations.question}" in "${id}" has maxPanelCount ${String(element.json.maxPanelCount)}, expected ${partnerNominations.max}`,
      );
    }
  }
}

function checkQuestionnaire(
  id: string,
  file: string,
  json: unknown,
  expected: ExpectedQuestion[],
  answerScale: Framework['answerScale'],
  problems: string[],
): void {
  const all = walkSurveyQuestions(json);
  if (all.length === 0) {
    problems.push(`${file}: no questions found (is this SurveyJS JSON with pages → elements?)`);
    return;
  }
  const topLevel = topLevelQuestions(json);
  reportDuplicates(
    topLevel.map((question) => question.name),
    `question name in ${file}`,
    problems,
  );
  const byName = new Map(topLevel.map((question) => [question.name, question]));

  for (const question of expected) {
    const found = byName.get(question.name);
    if (!question.askedOf.includes(id)) {
      if (found) {
        problems.push(`${file}: "${question.name}" is present but ${question.where} is not asked of "${id}"`);
      }
      continue;
    }
    if (!found) {
      problems.push(`${file}: missing question "${question.name}" (${question.where})`);
      continue;
    }
    checkQuestionType(file, question, found, answerScale, problems);
  }

  const referenced = new Set(expected.map((question) => question.name));
  for (const question of topLevel) {
    if (!question.name) {
      problems.push(
        `${file}: a ${question.type || 'typeless'} element on page "${question.page}" has no name`,
      );
    } else if (!referenced.has(question.name)) {
      problems.push(
        `${file}: question "${question.name}" is not referenced by the framework (add it to an indicator or to context.questions)`,
      );
    }
  }
}

function checkQuestionType(
  file: string,
  question: ExpectedQuestion,
  found: WalkedElement,
  answerScale: Framework['answerScale'],
  problems: string[],
): void {
  const where = `${file}: "${question.name}"`;
  const expectType = (type: string, inputTypes?: string[]): boolean => {
    if (found.type !== type) {
      problems.push(
        `${where} should be a ${type} question (${question.kind}), found ${found.type || 'no type'}`,
      );
      return false;
    }
    const inputType = typeof found.json.inputType === 'string' ? found.json.inputType : 'text';
    if (inputTypes && !inputTypes.includes(inputType)) {
      problems.push(`${where} should have inputType ${inputTypes.join(' or ')}, found ${inputType}`);
      return false;
    }
    return true;
  };

  switch (question.kind) {
    case 'jnw': {
      if (!expectType('radiogroup')) return;
      const scale = [answerScale.yes, answerScale.no, answerScale.unknown];
      const values = choiceValues(found.json);
      if (values.length !== scale.length || !scale.every((value) => values.includes(value))) {
        problems.push(
          `${where} must have exactly the choices ${scale.join(', ')}; found ${values.join(', ') || 'none'}`,
        );
      }
      for (const extra of ['showOtherItem', 'showNoneItem', 'showRefuseItem', 'showDontKnowItem']) {
        if (found.json[extra] === true)
          problems.push(`${where} must not set ${extra}: only the answer scale is allowed`);
      }
      return;
    }
    case 'checkbox': {
      if (!expectType('checkbox')) return;
      const values = choiceValues(found.json);
      const declared = question.choices ?? [];
      if (values.join('|') !== declared.join('|')) {
        const missing = declared.filter((value) => !values.includes(value));
        const extra = values.filter((value) => !declared.includes(value));
        problems.push(
          `${where} choices differ from the framework` +
            (missing.length ? `; missing: ${missing.join(', ')}` : '') +
            (extra.length ? `; not in the framework: ${extra.join(', ')}` : '') +
            (!missing.length && !extra.length ? '; same values in another order' : ''),
        );
      }
      if (found.json.showOtherItem !== true) problems.push(`${where} must set showOtherItem: true`);
      return;
    }
    case 'comment':
    case 'explanation':
      expectType('comment');
      return;
    case 'text':
      expectType('text', ['text']);
      return;
    case 'number':
      expectType('text', ['number']);
      return;
    case 'file':
      expectType('file');
      return;
    case 'paneldynamic':
      expectType('paneldynamic');
      return;
    default: {
      const unreachable: never = question.kind;
      throw new Error(`unknown question kind ${String(unreachable)}`);
    }
  }
}

function reportDuplicates(values: string[], what: string, problems: string[]): void {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const value of values) {
    if (seen.has(value) && !reported.has(value)) {
      problems.push(`duplicate ${what} "${value}"`);
      reported.add(value);
    }
    seen.add(value);
  }
}
