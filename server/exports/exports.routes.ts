import type { Response } from 'express';
import { overviewQuerySchema } from '../../shared/api/review.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { route, type RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';
import { csvQuerySchema } from './archive.schema.js';
import {
  investigationJson,
  investigationSpreadsheet,
  yearSpreadsheet,
  type ExportFile,
} from './exports.service.js';

const INSPECTORS = ['inspecteur', 'beheerder'] as const;
const yearCsvQuerySchema = overviewQuerySchema.extend(csvQuerySchema.shape);

/** Routes for CSV, XLSX and JSON exports. */
export function exportRouteDefs(ctx: InspectorContext, respond: RespondContext): RouteDef[] {
  const catalog = respond.questionnaires;
  const id = (params: Record<string, string>) => params.id ?? '';
  return [
    route({
      method: 'get',
      path: '/api/investigations/:id/export.csv',
      summary: 'CSV of an investigation: one row per indicator (UTF-8 with BOM; ?delimiter=semicolon)',
      tag: 'exports',
      access: INSPECTORS,
      query: csvQuerySchema,
      binary: true,
      handler: async ({ params, query, res }) =>
        send(res, await investigationSpreadsheet(ctx, catalog, id(params), { kind: 'csv', ...query })),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/export.xlsx',
      summary: 'XLSX of an investigation: sheets Indicatoren and Antwoorden',
      tag: 'exports',
      access: INSPECTORS,
      binary: true,
      handler: async ({ params, res }) =>
        send(res, await investigationSpreadsheet(ctx, catalog, id(params), { kind: 'xlsx' })),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/export.json',
      summary: 'JSON archive of everything about an investigation',
      tag: 'exports',
      access: INSPECTORS,
      binary: true,
      handler: async ({ params, res }) => send(res, await investigationJson(ctx, catalog, id(params))),
    }),
    route({
      method: 'get',
      path: '/api/overview/export.csv',
      summary: 'CSV of every investigation of a year: one row per investigation × indicator',
      tag: 'exports',
      access: INSPECTORS,
      query: yearCsvQuerySchema,
      binary: true,
      handler: async ({ query, res }) =>
        send(res, await yearSpreadsheet(ctx, catalog, query, { kind: 'csv', delimiter: query.delimiter })),
    }),
    route({
      method: 'get',
      path: '/api/overview/export.xlsx',
      summary: 'XLSX of every investigation of a year',
      tag: 'exports',
      access: INSPECTORS,
      query: overviewQuerySchema,
      binary: true,
      handler: async ({ query, res }) =>
        send(res, await yearSpreadsheet(ctx, catalog, query, { kind: 'xlsx' })),
    }),
  ];
}

function send(res: Response, file: ExportFile): undefined {
  // The names are ASCII slugs (see asciiSlug): a plain quoted filename needs no RFC 5987 variant.
  res.set({
    'Content-Disposition': `attachment; filename="${file.filename}"`,
    'Content-Type': file.contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.status(200).send(file.body);
  return undefined;
}
