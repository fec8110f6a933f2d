import type { InspectorContext } from '../investigations/inspector.context.js';
import type { RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';

/** Routes for creating a follow-up round from a published baseline. */
export function followUpRouteDefs(_ctx: InspectorContext, _respond: RespondContext): RouteDef[] {
  return [];
}
