// Rows → CSV text. UTF-8 with a BOM so Excel shows Chinese correctly; papaparse does the quoting.
import Papa from 'papaparse';
import type { Row } from '../queries/types.ts';

export interface CsvColumn {
  key: string;
  /** Readable header, in the UI language. */
  header: string;
}

function csvCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join('; ');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** CSV text with a leading BOM: exactly `columns`, in order, one line per row. */
export function toCsv(rows: readonly Row[], columns: readonly CsvColumn[]): string {
  const body = Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((row) => columns.map((c) => csvCell(row[c.key]))),
    },
    { newline: '\r\n' },
  );
  return `\ufeff${body}\r\n`;
}

