/**
 * Text a spreadsheet would run as a formula when a CSV is opened (CSV injection): cells starting with
 * = + - @, a tab or a carriage return. Such a cell gets a leading apostrophe, which Excel and LibreOffice
 * read as "this is text"; the content is otherwise unchanged. Respondents and inspectors type free text
 * (organisations, findings), so every text cell of a CSV export goes through this.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
