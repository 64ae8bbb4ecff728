// File-save helpers: CSV downloads (text from csv.ts), images, blobs, and their file names.
import type { Row } from '../queries/types.ts';
import type { CsvColumn } from './csv.ts';

export type { CsvColumn } from './csv.ts';

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

/** Save rows as CSV. The CSV writer (papaparse) is loaded on the first download, not with the landing view. */
export async function saveCsv(id: string, rows: readonly Row[], columns: readonly CsvColumn[]): Promise<void> {
  const { toCsv } = await import('./csv.ts');
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
