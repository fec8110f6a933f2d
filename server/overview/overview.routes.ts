import type { InspectorContext } from '../investigations/inspector.context.js';
import type { RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';

/** Routes for the municipality × indicator overview of a year. */
export function overviewRouteDefs(_ctx: InspectorContext, _respond: RespondContext): RouteDef[] {
  return [];
}
