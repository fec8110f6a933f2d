import {
  changeHistorySchema,
  conclusionInputSchema,
  conclusionSchema,
  followUpNarrativeInputSchema,
  followUpNarrativeSchema,
  judgmentInputSchema,
  judgmentSchema,
  reviewSchema,
} from '../../shared/api/review.js';
import { analysisResultSchema } from '../../shared/analysis/analysis-result.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { route, type RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';
import { getAnalysis } from './analysis.service.js';
import { conclusionHistory, putConclusion } from './conclusions.service.js';
import {
  followUpNarrativeHistory,
  getFollowUpNarrative,
  putFollowUpNarrative,
} from './follow-up-narrative.service.js';
import { judgmentHistory, putJudgment } from './judgments.service.js';
import { getReview } from './review.service.js';

const INSPECTORS = ['inspecteur', 'beheerder'] as const;

/** Routes for the analysis, judgments, conclusions and follow-up narrative of an investigation. */
export function reviewRouteDefs(ctx: InspectorContext, _respond: RespondContext): RouteDef[] {
  const id = (params: Record<string, string>) => params.id ?? '';
  return [
    route({
      method: 'get',
      path: '/api/investigations/:id/analysis',
      summary: 'The consistency analysis of the submitted answers: flags and proposals per indicator',
      tag: 'review',
      access: INSPECTORS,
      response: analysisResultSchema,
      handler: ({ params }) => getAnalysis(ctx, id(params)),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/review',
      summary: 'The review page: framework outline, analysis, judgments, conclusions and factsheet versions',
      tag: 'review',
      access: INSPECTORS,
      response: reviewSchema,
      handler: ({ params }) => getReview(ctx, id(params)),
    }),
    route({
      method: 'put',
      path: '/api/investigations/:id/judgments/:indicatorId',
      summary: 'Judge an indicator (compare-and-set on revision; 409 judgment_conflict when stale)',
      tag: 'review',
      access: INSPECTORS,
      body: judgmentInputSchema,
      response: judgmentSchema,
      handler: ({ params, body, user }) => putJudgment(ctx, id(params), params.indicatorId ?? '', body, user),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/judgments/:indicatorId/history',
      summary: "Changes of an indicator's judgment, newest first",
      tag: 'review',
      access: INSPECTORS,
      response: changeHistorySchema,
      handler: ({ params }) => judgmentHistory(ctx, id(params), params.indicatorId ?? ''),
    }),
    route({
      method: 'put',
      path: '/api/investigations/:id/conclusions/:themeId',
      summary: 'Write the conclusions of a theme (compare-and-set on revision; 409 conclusion_conflict)',
      tag: 'review',
      access: INSPECTORS,
      body: conclusionInputSchema,
      response: conclusionSchema,
      handler: ({ params, body, user }) => putConclusion(ctx, id(params), params.themeId ?? '', body, user),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/conclusions/:themeId/history',
      summary: "Changes of a theme's conclusions, newest first",
      tag: 'review',
      access: INSPECTORS,
      response: changeHistorySchema,
      handler: ({ params }) => conclusionHistory(ctx, id(params), params.themeId ?? ''),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/follow-up-narrative',
      summary: 'The "Ontwikkeling <jaar>" text of a follow-up round (409 not_a_follow_up for a baseline)',
      tag: 'review',
      access: INSPECTORS,
      response: followUpNarrativeSchema,
      handler: ({ params }) => getFollowUpNarrative(ctx, id(params)),
    }),
    route({
      method: 'put',
      path: '/api/investigations/:id/follow-up-narrative',
      summary:
        'Write the "Ontwikkeling <jaar>" text (compare-and-set on revision; 409 narrative_conflict when stale)',
      tag: 'review',
      access: INSPECTORS,
      body: followUpNarrativeInputSchema,
      response: followUpNarrativeSchema,
      handler: ({ params, body, user }) => putFollowUpNarrative(ctx, id(params), body, user),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/follow-up-narrative/history',
      summary: 'Changes of the follow-up narrative, newest first',
      tag: 'review',
      access: INSPECTORS,
      response: changeHistorySchema,
      handler: ({ params }) => followUpNarrativeHistory(ctx, id(params)),
    }),
  ];
}
