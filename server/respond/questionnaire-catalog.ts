import type { Framework } from '../framework/framework.schema.js';
import type { LoadedFramework } from '../framework/load-framework.js';
import { loadQuestionnaireVersion } from '../framework/questionnaire-archive.js';
import { reduceQuestionnaire } from '../framework/reduce-questionnaire.js';
import type { SurveyElementJson } from '../framework/survey-json.js';
import type { RespondentRole } from '../models/respondent.model.js';
import { compileAnswerSchema, type CompiledAnswerSchema } from './answer-schema.js';

export type CatalogQuestionnaire = {
  id: string;
  version: string;
  json: SurveyElementJson;
  /** `json` serialised once: GET /api/respond/:token embeds it in every reply. */
  jsonText: string;
  answers: CompiledAnswerSchema;
};

/**
 * The questionnaires the respondent API serves: which one a role gets (from the framework's
 * `questionnaires[].role`, never from code), and any archived version a stored response refers to.
 * Compiled shape checks are cached per id + version, and per indicator scope for follow-up rounds,
 * whose respondents get the questionnaire reduced to the scoped indicators (see reduceQuestionnaire).
 */
export type QuestionnaireCatalog = {
  framework: Framework;
  /** Content hash of the framework file (exports record which framework their data was read with). */
  frameworkVersion: string;
  currentFor(role: RespondentRole): CatalogQuestionnaire | undefined;
  /** `scope`: the indicator ids of a follow-up round; null or absent serves the whole questionnaire. */
  get(id: string, version: string, scope?: readonly string[] | null): Promise<CatalogQuestionnaire>;
};

export function createQuestionnaireCatalog(loaded: LoadedFramework, dir: string): QuestionnaireCatalog {
  const { framework } = loaded;
  const nominations = framework.context.bindings.partnerNominations;
  // The nomination panel never allows more partners than the investigation can hold.
  const panelCaps = nominations
    ? { [nominations.question]: Math.min(nominations.max, framework.maxPartners) }
    : undefined;
  const compile = (id: string, version: string, json: SurveyElementJson): CatalogQuestionnaire => ({
    id,
    version,
    json,
    jsonText: JSON.stringify(json),
    answers: compileAnswerSchema(json, panelCaps ? { panelCaps } : {}),
  });

  const cache = new Map<string, Promise<CatalogQuestionnaire>>();
  const current = new Map<RespondentRole, CatalogQuestionnaire>();
  for (const questionnaire of loaded.questionnaires) {
    // Compiling at start-up makes an unsupported question type fail the boot, not a respondent's submit.
    const compiled = compile(questionnaire.id, questionnaire.version, questionnaire.json);
    cache.set(`${questionnaire.id}@${questionnaire.version}`, Promise.resolve(compiled));
    if (!current.has(questionnaire.role)) current.set(questionnaire.role, compiled);
  }

  const remember = (key: string, load: () => Promise<CatalogQuestionnaire>) => {
    let entry = cache.get(key);
    if (!entry) {
      entry = load();
      cache.set(key, entry);
      // A failed load (e.g. a missing archive file) must not stick: drop it so a fix is picked up.
      entry.catch(() => cache.delete(key));
    }
    return entry;
  };

  return {
    framework,
    frameworkVersion: loaded.version,
    currentFor: (role) => current.get(role),
    get(id, version, scope = null) {
      const full = remember(`${id}@${version}`, () =>
        loadQuestionnaireVersion(dir, id, version, loaded).then((found) => compile(id, version, found.json)),
      );
      if (scope === null) return full;
      // Sorted, so the same scope in another order shares one compiled questionnaire.
      const scopeKey = [...new Set(scope)].sort().join(',');
      return remember(`${id}@${version}#${scopeKey}`, async () =>
        compile(id, version, reduceQuestionnaire((await full).json, framework, scope)),
      );
    },
  };
}
