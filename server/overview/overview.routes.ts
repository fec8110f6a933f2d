import { overviewQuerySchema, overviewSchema } from '../../shared/api/review.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { route, type RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';
import { createAnalysisSummaries } from './analysis-summaries.js';
import { buildOverview } from './overview.service.js';

const INSPECTORS = ['inspecteur', 'beheerder'] as const;

/** Routes for the municipality × indicator overview of a year. */
export function overviewRouteDefs(ctx: InspectorContext, respond: RespondContext): RouteDef[] {
  // One cache per app instance; its entries are checked against the database on every request.
  const summaries = createAnalysisSummaries({
    models: ctx.models,
    framework: respond.questionnaires.framework,
    frameworkVersion: respond.questionnaires.frameworkVersion,
    logger: ctx.logger,
  });
  return [
    route({
      method: 'get',
      path: '/api/overview',
      summary: 'Municipality × indicator matrix of a year: verdicts, or proposals before judging',
      tag: 'overview',
      access: INSPECTORS,
      query: overviewQuerySchema,
      response: overviewSchema,
      handler: ({ query }) => buildOverview(ctx.models, respond.questionnaires.framework, summaries, query),
    }),
  ];
}
