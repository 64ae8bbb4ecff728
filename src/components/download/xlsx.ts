// Rows → an Excel workbook (.xlsx) with two sheets: the data as the chart or table shows it, and "about"
// (title, filters, SQL, sources, download time). write-excel-file writes it in the browser (on fflate, which
// the app already has), with nothing fetched. Text cells go through the same formula neutralising as the CSV
// (an imported title `=HYPERLINK(…)` stays text in Excel, WPS and LibreOffice); numbers stay numbers.
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/browser';
import { neutraliseFormula } from '../csv.ts';

export interface XlsxSheet {
  name: string;
  headers: string[];
  rows: unknown[][];
  /** Column widths in characters. */
  widths?: number[];
}

function cell(value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  const text = Array.isArray(value) ? value.map(String).join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // type: String — never a formula, whatever the text; the apostrophe makes it read as text when re-saved as CSV too.
  return { value: neutraliseFormula(text), type: String };
}

function sheetData(sheet: XlsxSheet): SheetData {
  return [sheet.headers.map((h) => ({ value: neutraliseFormula(h), type: String, fontWeight: 'bold' as const })), ...sheet.rows.map((r) => r.map(cell))];
}

/** Excel's limits on a sheet name: 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

export function xlsxBlob(sheets: XlsxSheet[]): Promise<Blob> {
  return writeXlsxFile(
    sheets.map((s) => ({
      data: sheetData(s),
      sheet: sheetName(s.name),
      columns: (s.widths ?? s.headers.map(() => 16)).map((width) => ({ width })),
      stickyRowsCount: 1,
    })),
  ).toBlob();
}
