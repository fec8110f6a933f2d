import { stringify } from 'csv-stringify/sync';
import type { IndicatorRow } from './export-rows.js';
import { spreadsheetSafe } from './spreadsheet-safe.js';

export type CsvDelimiter = 'comma' | 'semicolon';

/** The column headings of the indicator exports (CSV and the XLSX sheet "Indicatoren"). */
export function indicatorColumns(codes: readonly string[]): { key: string; header: string }[] {
  return [
    { key: 'municipality', header: 'Gemeente' },
    { key: 'approach', header: 'Aanpak' },
    { key: 'year', header: 'Jaar' },
    { key: 'round', header: 'Ronde' },
    { key: 'theme', header: 'Thema' },
    { key: 'criterion', header: 'Criterium' },
    { key: 'indicatorId', header: 'Indicator' },
    { key: 'indicatorText', header: 'Indicatortekst' },
    { key: 'proposal', header: 'Voorstel' },
    { key: 'verdict', header: 'Oordeel' },
    { key: 'letOp', header: 'LET OP' },
    { key: 'finding', header: 'Bevinding' },
    { key: 'flags', header: 'Signalen' },
    ...codes.map((code) => ({ key: `answers.${code}`, header: `Antwoorden ${code}` })),
  ];
}

/** A row as the flat record the column keys address. */
export function flatRow(row: IndicatorRow, codes: readonly string[]): Record<string, string | number> {
  const { answers, ...fields } = row;
  return { ...fields, ...Object.fromEntries(codes.map((code) => [`answers.${code}`, answers[code] ?? ''])) };
}

/**
 * UTF-8 with a byte order mark (Excel otherwise reads it as Windows-1252) and CRLF line ends; `semicolon`
 * for a Dutch Excel, whose list separator is ";". Text cells are made formula-safe (see spreadsheetSafe).
 */
export function indicatorsCsv(
  rows: readonly IndicatorRow[],
  codes: readonly string[],
  delimiter: CsvDelimiter,
): string {
  const columns = indicatorColumns(codes);
  const records = rows.map((row) => {
    const flat = flatRow(row, codes);
    return columns.map(({ key }) => {
      const value = flat[key] ?? '';
      return typeof value === 'string' ? spreadsheetSafe(value) : String(value);
    });
  });
  return stringify([columns.map((column) => column.header), ...records], {
    bom: true,
    delimiter: delimiter === 'semicolon' ? ';' : ',',
    record_delimiter: '\r\n',
    // csv-stringify quotes on the record delimiter (CRLF) only: a lone line feed inside a finding must be
    // quoted too, or the row breaks in two.
    quoted_match: /[\r\n]/,
  });
}
