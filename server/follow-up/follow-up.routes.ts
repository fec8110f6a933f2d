import { createFollowUpInputSchema, createFollowUpReplySchema } from '../../shared/api/review.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { route, type RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';
import { createFollowUp } from './follow-up.service.js';

const INSPECTORS = ['inspecteur', 'beheerder'] as const;

/** Routes for creating a follow-up round from a published baseline. */
export function followUpRouteDefs(ctx: InspectorContext, respond: RespondContext): RouteDef[] {
  return [
    route({
      method: 'post',
      path: '/api/investigations/:id/follow-up',
      summary: 'Create a follow-up round asking only the indicators judged verbeterpunt in the baseline(s)',
      tag: 'follow-up',
      access: INSPECTORS,
      status: 201,
      body: createFollowUpInputSchema,
      response: createFollowUpReplySchema,
      handler: ({ params, body, user }) =>
        createFollowUp(ctx, respond.questionnaires.framework, params.id ?? '', body, user),
    }),
  ];
}
