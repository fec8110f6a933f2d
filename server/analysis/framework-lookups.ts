import type {
  Framework,
  FrameworkIndicator,
  IndicatorQuestion,
  JnwQuestion,
} from '../framework/framework.schema.js';
import type { RespondentRole } from '../../shared/analysis/analysis-input.js';

/** SurveyJS stores the "Anders, namelijk" choice as this value and its text under `<name>-Comment`. */
export const OTHER_VALUE = 'other';
const OTHER_COMMENT_SUFFIX = '-Comment';

/** What the analysis derives from one question of a framework; the same for every investigation. */
export interface QuestionLookup {
  /** The roles whose questionnaire contains the question (`askedOf` names questionnaires, not roles). */
  roles: ReadonlySet<RespondentRole>;
  /** Data key of the "other" text of a checkbox question. */
  otherKey: string;
  /** Data key of the free-text explanation of a jnw question, when the framework has one. */
  explanationKey: string | undefined;
  /** Choice value → label (empty for questions without choices). */
  labels: ReadonlyMap<string, string>;
}

export interface IndicatorLookup {
  /** The core question decides "meets" (see findCoreQuestion). */
  core: JnwQuestion | undefined;
}

interface FrameworkLookups {
  questions: Map<IndicatorQuestion, QuestionLookup>;
  indicators: Map<FrameworkIndicator, IndicatorLookup>;
}

/**
 * Frameworks are parsed once and never mutated, while the overview analyses hundreds of investigations
 * against the same one: derived lookups are built once per framework object and question object. Weak
 * keys, so a scoped framework (a new object per follow-up) is collected with its lookups.
 */
const cache = new WeakMap<Framework, FrameworkLookups>();

function lookupsOf(framework: Framework): FrameworkLookups {
  let lookups = cache.get(framework);
  if (lookups === undefined) {
    lookups = { questions: new Map(), indicators: new Map() };
    cache.set(framework, lookups);
  }
  return lookups;
}

function rolesAskedFor(framework: Framework, question: IndicatorQuestion): Set<RespondentRole> {
  const roles = new Set<RespondentRole>();
  for (const questionnaire of framework.questionnaires) {
    if (question.askedOf.includes(questionnaire.id)) roles.add(questionnaire.role);
  }
  return roles;
}

export function questionLookup(framework: Framework, question: IndicatorQuestion): QuestionLookup {
  const lookups = lookupsOf(framework);
  let lookup = lookups.questions.get(question);
  if (lookup === undefined) {
    lookup = {
      roles: rolesAskedFor(framework, question),
      otherKey: question.name + OTHER_COMMENT_SUFFIX,
      explanationKey:
        question.kind === 'jnw' && framework.explanationSuffix !== undefined
          ? question.name + framework.explanationSuffix
          : undefined,
      labels:
        question.kind === 'checkbox'
          ? new Map(question.choices.map((choice) => [choice.value, choice.label]))
          : new Map(),
    };
    lookups.questions.set(question, lookup);
  }
  return lookup;
}

/**
 * The core question decides "meets". The framework marks it; analysis-rules.md defines it as the first
 * jnw question of the indicator, which is the fallback for a framework that marks none.
 */
function findCoreQuestion(indicator: FrameworkIndicator): JnwQuestion | undefined {
  const jnw = indicator.questions.filter((question): question is JnwQuestion => question.kind === 'jnw');
  return jnw.find((question) => question.core) ?? jnw[0];
}

export function indicatorLookup(framework: Framework, indicator: FrameworkIndicator): IndicatorLookup {
  const lookups = lookupsOf(framework);
  let lookup = lookups.indicators.get(indicator);
  if (lookup === undefined) {
    lookup = { core: findCoreQuestion(indicator) };
    lookups.indicators.set(indicator, lookup);
  }
  return lookup;
}
