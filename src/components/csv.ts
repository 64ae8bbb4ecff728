// Rows → CSV text. UTF-8 with a BOM so Excel shows Chinese correctly; papaparse does the quoting.
// Every download of rows goes through here, and every text cell through neutraliseFormula: a cell that
// starts like a formula (an imported notice titled `=HYPERLINK(…)`) must open as text in a spreadsheet.
import Papa from 'papaparse';
import type { Row } from '../queries/types.ts';

export interface CsvColumn {
  key: string;
  /** Readable header, in the UI language. */
  header: string;
}

/** First characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one that starts with =, +, -, @, tab or CR gets a leading
 * apostrophe, so it is shown as text and never evaluated (OWASP "CSV Injection"). Text only: numbers are
 * written as numbers and stay numbers (a column of negative figures must not turn into text).
 * Any writer of spreadsheet files (CSV here, .xlsx later) applies this same rule to its text cells.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return neutraliseFormula(value.map((v) => String(v)).join('; '));
  if (typeof value === 'object') return neutraliseFormula(JSON.stringify(value));
  return neutraliseFormula(String(value));
}

/** CSV text with a leading BOM: exactly `columns`, in order, one line per row. Headers are neutralised too. */
export function toCsv(rows: readonly Row[], columns: readonly CsvColumn[]): string {
  const body = Papa.unparse(
    {
      fields: columns.map((c) => neutraliseFormula(c.header)),
      data: rows.map((row) => columns.map((c) => csvCell(row[c.key]))),
    },
    { newline: '\r\n' },
  );
  return `\ufeff${body}\r\n`;
}
