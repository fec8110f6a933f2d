import type { Connection } from 'mongoose';
import type { Config } from '../config/config.js';
import type { LoadedFramework } from '../framework/load-framework.js';
import { ensureIndexes, getModels, type Models } from '../models/index.js';
import { ensureFileIndexes } from './files.service.js';
import { createQuestionnaireCatalog, type QuestionnaireCatalog } from './questionnaire-catalog.js';

/** What the respondent services need; built once in respond.routes.ts (or by tests and the bench). */
export type RespondContext = {
  connection: Connection;
  models: Models;
  questionnaires: QuestionnaireCatalog;
  config: Pick<Config, 'PUBLIC_URL' | 'RESPONDENT_LINK_TTL_DAYS' | 'MAIL_CONTACT' | 'MAIL_CONTACT_EMAIL'>;
  now: () => Date;
};

/** The respondent API's context from the loaded framework (questionnaire archive under QUESTIONNAIRE_DIR). */
export function createRespondContext(input: {
  connection: Connection;
  config: Pick<
    Config,
    'PUBLIC_URL' | 'RESPONDENT_LINK_TTL_DAYS' | 'QUESTIONNAIRE_DIR' | 'MAIL_CONTACT' | 'MAIL_CONTACT_EMAIL'
  >;
  framework: LoadedFramework;
  now?: () => Date;
}): RespondContext {
  return {
    connection: input.connection,
    models: getModels(input.connection),
    questionnaires: createQuestionnaireCatalog(input.framework, input.config.QUESTIONNAIRE_DIR),
    config: input.config,
    now: input.now ?? (() => new Date()),
  };
}

/**
 * Builds collections and indexes before the first request: the respondent limit and the token lookup
 * depend on unique indexes, and Mongoose does not make queries wait for index builds.
 */
export async function prepareRespondStorage(connection: Connection): Promise<void> {
  await ensureIndexes(getModels(connection));
  await ensureFileIndexes({ connection });
}
