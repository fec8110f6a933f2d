import type { OverviewQuery } from '../../shared/api/review.js';
import { findInvestigation } from '../investigations/investigations.service.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { InvestigationRecord } from '../models/investigation.model.js';
import { analyseInvestigations } from '../overview/analysed-investigations.js';
import { investigationsOf } from '../overview/overview.service.js';
import type { QuestionnaireCatalog } from '../respond/questionnaire-catalog.js';
import { buildFrameworkOutline, currentQuestionnaireJsons } from '../review/framework-outline.js';
import { indicatorsCsv, type CsvDelimiter } from './csv-export.js';
import { answerRows, indicatorRows, respondentCodes } from './export-rows.js';
import { investigationArchive } from './json-archive.js';
import { indicatorsXlsx } from './xlsx-export.js';

export type ExportFile = { filename: string; contentType: string; body: string | Buffer };
export type SpreadsheetFormat = { kind: 'csv'; delimiter: CsvDelimiter } | { kind: 'xlsx' };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV or XLSX of one investigation (all its indicators) or of a year (every investigation in it). */
export async function spreadsheetExport(
  ctx: InspectorContext,
  catalog: QuestionnaireCatalog,
  investigations: readonly InvestigationRecord[],
  basename: string,
  format: SpreadsheetFormat,
): Promise<ExportFile> {
  const { framework } = catalog;
  const outline = buildFrameworkOutline(framework, currentQuestionnaireJsons(catalog));
  const analysed = await analyseInvestigations(ctx.models, framework, investigations);
  const rows = indicatorRows(outline, analysed);
  const codes = respondentCodes(framework.maxPartners);
  if (format.kind === 'csv') {
    return {
      filename: `${basename}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: indicatorsCsv(rows, codes, format.delimiter),
    };
  }
  return {
    filename: `${basename}.xlsx`,
    contentType: XLSX_TYPE,
    body: await indicatorsXlsx(rows, answerRows(outline, analysed), codes),
  };
}

export async function investigationSpreadsheet(
  ctx: InspectorContext,
  catalog: QuestionnaireCatalog,
  id: string,
  format: SpreadsheetFormat,
): Promise<ExportFile> {
  const investigation = await findInvestigation(ctx, id);
  return spreadsheetExport(ctx, catalog, [investigation], basenameOf(investigation), format);
}

export async function yearSpreadsheet(
  ctx: InspectorContext,
  catalog: QuestionnaireCatalog,
  query: OverviewQuery,
  format: SpreadsheetFormat,
): Promise<ExportFile> {
  const investigations = await investigationsOf(ctx.models, query);
  const round = query.round === 'all' ? '' : `-${query.round.replace('_', '-')}`;
  return spreadsheetExport(ctx, catalog, investigations, `stj-overzicht-${query.year}${round}`, format);
}

export async function investigationJson(
  ctx: InspectorContext,
  catalog: QuestionnaireCatalog,
  id: string,
): Promise<ExportFile> {
  const investigation = await findInvestigation(ctx, id);
  const archive = await investigationArchive(ctx, catalog, investigation);
  return {
    filename: `${basenameOf(investigation)}.json`,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(archive, null, 2),
  };
}

/** "stj-sittard-geleen-multiprobleemgezinnen-2013": ASCII only, so every browser keeps the name. */
function basenameOf(investigation: InvestigationRecord): string {
  return ['stj', investigation.municipality, investigation.approach, String(investigation.year)]
    .map(asciiSlug)
    .filter(Boolean)
    .join('-');
}

export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
