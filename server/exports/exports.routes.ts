import type { InspectorContext } from '../investigations/inspector.context.js';
import type { RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';

/** Routes for CSV, XLSX and JSON exports. */
export function exportRouteDefs(_ctx: InspectorContext, _respond: RespondContext): RouteDef[] {
  return [];
}
