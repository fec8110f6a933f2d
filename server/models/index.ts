import type { Connection } from 'mongoose';
import { investigationModel, type InvestigationModel } from './investigation.model.js';
import { rateLimitCounterModel, type RateLimitCounterModel } from './rate-limit-counter.model.js';
import { respondentModel, type RespondentModel } from './respondent.model.js';
import { responseModel, type ResponseModel } from './response.model.js';

export type Models = {
  Investigation: InvestigationModel;
  Respondent: RespondentModel;
  Response: ResponseModel;
  RateLimitCounter: RateLimitCounterModel;
};

/** Registers the models on a connection (idempotent: a connection keeps its compiled models). */
export function getModels(connection: Connection): Models {
  return {
    Investigation: investigationModel(connection),
    Respondent: respondentModel(connection),
    Response: responseModel(connection),
    RateLimitCounter: rateLimitCounterModel(connection),
  };
}

/**
 * Waits until collections and indexes exist. The respondent limit and the token lookup rely on unique
 * indexes, so start-up (and tests) must not serve requests before they are built.
 */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.init();
}
