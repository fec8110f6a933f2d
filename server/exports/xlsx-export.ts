import ExcelJS from 'exceljs';
import type { AnswerRow, IndicatorRow } from './export-rows.js';
import { flatRow, indicatorColumns } from './csv-export.js';

const ANSWER_COLUMNS: { key: keyof AnswerRow; header: string; width: number }[] = [
  { key: 'municipality', header: 'Gemeente', width: 18 },
  { key: 'approach', header: 'Aanpak', width: 22 },
  { key: 'year', header: 'Jaar', width: 8 },
  { key: 'respondent', header: 'Respondent', width: 11 },
  { key: 'role', header: 'Rol', width: 15 },
  { key: 'organisation', header: 'Organisatie', width: 26 },
  { key: 'indicatorId', header: 'Indicator', width: 10 },
  { key: 'question', header: 'Vraag', width: 26 },
  { key: 'questionTitle', header: 'Vraagtekst', width: 50 },
  { key: 'answer', header: 'Antwoord', width: 40 },
  { key: 'explanation', header: 'Toelichting', width: 40 },
];

const WIDE = new Set(['indicatorText', 'finding', 'letOp']);

/**
 * A workbook with the sheet "Indicatoren" (the CSV's rows) and "Antwoorden" (one row per respondent ×
 * question). Cells are written as typed text, never as formulas, so no apostrophe escaping is needed here.
 */
export async function indicatorsXlsx(
  rows: readonly IndicatorRow[],
  answers: readonly AnswerRow[],
  codes: readonly string[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samenwerkend Toezicht Jeugd';
  workbook.created = new Date(0);

  const indicators = workbook.addWorksheet('Indicatoren', { views: [{ state: 'frozen', ySplit: 1 }] });
  indicators.columns = indicatorColumns(codes).map(({ key, header }) => ({
    key,
    header,
    width: WIDE.has(key) ? 60 : key.startsWith('answers.') ? 45 : 16,
  }));
  for (const row of rows) indicators.addRow(flatRow(row, codes));

  const answerSheet = workbook.addWorksheet('Antwoorden', { views: [{ state: 'frozen', ySplit: 1 }] });
  answerSheet.columns = ANSWER_COLUMNS;
  for (const row of answers) answerSheet.addRow(row);

  for (const sheet of [indicators, answerSheet]) {
    const header = sheet.getRow(1);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF154273' } };
    header.alignment = { vertical: 'middle', wrapText: true };
    sheet.eachRow((row, index) => {
      if (index > 1) row.alignment = { vertical: 'top', wrapText: true };
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
