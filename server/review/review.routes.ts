import type { InspectorContext } from '../investigations/inspector.context.js';
import type { RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';

/** Routes for the analysis, judgments and conclusions of an investigation. */
export function reviewRouteDefs(_ctx: InspectorContext, _respond: RespondContext): RouteDef[] {
  return [];
}
