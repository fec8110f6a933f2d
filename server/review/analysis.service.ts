import { analyseInvestigation } from '../analysis/index.js';
import type { AnalysisResult } from '../../shared/analysis/analysis-result.js';
import { ServiceUnavailableError } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import { scopeFramework } from '../framework/scope-framework.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import { loadAnswerSetsOf } from './answer-sets.js';

/** The loaded framework; the review routes are only mounted with one, other callers may lack it. */
export function frameworkOf(ctx: InspectorContext): Framework {
  const framework = ctx.respond?.questionnaires.framework;
  if (!framework) throw new ServiceUnavailableError('framework_unavailable', 'No framework is loaded');
  return framework;
}

/** The framework as this investigation sees it: a follow-up round only has its own indicators. */
export function frameworkFor(ctx: InspectorContext, investigation: InvestigationRecord): Framework {
  return scopeFramework(frameworkOf(ctx), investigation.followUp?.indicatorIds ?? null);
}

/** The consistency analysis of an investigation's submitted answers (drafts never count). */
export async function analyseStored(
  ctx: InspectorContext,
  investigation: InvestigationRecord,
): Promise<AnalysisResult> {
  const answerSets = await loadAnswerSetsOf(ctx.models, investigation._id);
  return analyseInvestigation(frameworkFor(ctx, investigation), answerSets);
}

/** GET /api/investigations/:id/analysis. */
export async function getAnalysis(ctx: InspectorContext, id: string): Promise<AnalysisResult> {
  return analyseStored(ctx, await findInvestigation(ctx, id));
}
