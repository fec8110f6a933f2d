import type { Response } from 'express';
import { z } from 'zod';
import { factsheetSchema, factsheetSummarySchema, type Factsheet } from '../../shared/api/review.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { route, type RouteDef } from '../openapi/route-spec.js';
import type { RespondContext } from '../respond/respond.context.js';
import { getFactsheet, listFactsheets, previewFactsheet, publishFactsheet } from './factsheets.service.js';
import { renderFactsheetHtml, type RenderOptions } from './render-html.js';
import { renderFactsheetPdf } from './render-pdf.js';

const INSPECTORS = ['inspecteur', 'beheerder'] as const;

/**
 * Routes for publishing factsheets and reading their versions (JSON, HTML, PDF). The `.pdf` routes are
 * declared before `:version`: path-to-regexp 8 lets `:version` match "1.pdf" as well, so order decides.
 */
export function factsheetRouteDefs(ctx: InspectorContext, respond: RespondContext): RouteDef[] {
  const framework = () => respond.questionnaires.framework;
  const id = (params: Record<string, string>) => params.id ?? '';
  return [
    route({
      method: 'post',
      path: '/api/investigations/:id/factsheets',
      summary: 'Publish the current judgments as the next immutable factsheet version',
      tag: 'factsheets',
      access: INSPECTORS,
      status: 201,
      response: z.object({ version: z.number().int().min(1), publishedAt: z.string().optional() }),
      handler: ({ params, user }) => publishFactsheet(ctx, framework(), id(params), user),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/factsheets',
      summary: 'The published factsheet versions, newest first',
      tag: 'factsheets',
      access: INSPECTORS,
      response: z.object({ items: z.array(factsheetSummarySchema) }),
      handler: async ({ params }) => ({ items: await listFactsheets(ctx, id(params)) }),
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/factsheets/:version.pdf',
      summary: 'A published factsheet version as PDF',
      tag: 'factsheets',
      access: INSPECTORS,
      binary: true,
      async handler({ params, res }) {
        const sheet = await getFactsheet(ctx, id(params), params.version ?? '');
        await sendPdf(res, sheet, {}, pdfName(sheet, `v${sheet.version}`));
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/factsheets/:version',
      summary: 'A published factsheet version: the snapshot as JSON, or the page with Accept: text/html',
      tag: 'factsheets',
      access: INSPECTORS,
      response: factsheetSchema,
      async handler({ params, req, res }) {
        const sheet = await getFactsheet(ctx, id(params), params.version ?? '');
        res.vary('Accept');
        if (req.accepts(['application/json', 'text/html']) === 'text/html') {
          sendHtml(res, renderFactsheetHtml(sheet));
          return undefined;
        }
        return sheet;
      },
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/factsheet-preview.pdf',
      summary: 'The factsheet as it would be published now, as PDF (concept)',
      tag: 'factsheets',
      access: INSPECTORS,
      binary: true,
      async handler({ params, res, user }) {
        const { factsheet, missing } = await previewFactsheet(ctx, framework(), id(params), user);
        await sendPdf(res, factsheet, { draft: true, missing }, pdfName(factsheet, 'concept'));
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/api/investigations/:id/factsheet-preview',
      summary: 'The factsheet as it would be published now, as an HTML page (concept, not saved)',
      tag: 'factsheets',
      access: INSPECTORS,
      binary: true,
      async handler({ params, res, user }) {
        const { factsheet, missing } = await previewFactsheet(ctx, framework(), id(params), user);
        sendHtml(res, renderFactsheetHtml(factsheet, { draft: true, missing }));
        return undefined;
      },
    }),
  ];
}

function sendHtml(res: Response, html: string): void {
  res.status(200).type('text/html; charset=utf-8').send(html);
}

async function sendPdf(
  res: Response,
  sheet: Factsheet,
  options: RenderOptions,
  filename: string,
): Promise<void> {
  const pdf = await renderFactsheetPdf(sheet, options);
  res
    .status(200)
    .set({
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
    })
    .end(pdf);
}

/** "factsheet-sittard-geleen-2015-v2.pdf": ASCII only, so every browser and mail client keeps the name. */
export function pdfName(sheet: Factsheet, suffix: string): string {
  const municipality = sheet.investigation.municipality
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `factsheet-${municipality || 'gemeente'}-${sheet.investigation.year}-${suffix}.pdf`;
}
