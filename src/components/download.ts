// CSV and file-save helpers. CSV is UTF-8 with a BOM so Excel shows Chinese correctly.
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

/** Local time for file names: 2025-03-01_1405. */
export function localStamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}_${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** File name for a download: query id + local time. */
export function downloadName(id: string, extension: string): string {
  return `${id.replace(/[^\w.-]+/g, '_')}_${localStamp()}.${extension}`;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  saveDataUrl(url, filename);
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveCsv(id: string, rows: readonly Row[], columns: readonly CsvColumn[]): void {
  saveBlob(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), downloadName(id, 'csv'));
}

/** Download what a URL (data: or blob:) holds, under `filename`. */
export function saveDataUrl(dataUrl: string, filename: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}
