import type { InspectorContext } from '../investigations/inspector.context.js';
import type { RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';

/** Routes for publishing factsheets and reading their versions (JSON, HTML, PDF). */
export function factsheetRouteDefs(_ctx: InspectorContext, _respond: RespondContext): RouteDef[] {
  return [];
}
