// Reads back an .xlsx the app wrote (tests only): sheet names and cell values, text or number. The files are
// small and regular (write-excel-file: shared strings, one <c> per cell), so a few regular expressions do.
import { strFromU8, unzipSync } from 'fflate';

export interface XlsxSheet {
  name: string;
  rows: (string | number | null)[][];
}

const unescape = (xml: string) =>
  xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Column letters → 0-based index (A → 0, AA → 26). */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const names = [...text('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]));
  return names.map((name, i) => {
    const rows: (string | number | null)[][] = [];
    for (const row of text(`xl/worksheets/sheet${i + 1}.xml`).matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: (string | number | null)[] = [];
      for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const value = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1];
        const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? '')?.[1];
        const type = /t="(\w+)"/.exec(c[2])?.[1];
        cells[columnIndex(c[1])] =
          type === 's' ? shared[Number(value)] : type === 'inlineStr' ? unescape(inline ?? '') : type === 'str' ? unescape(value ?? '') : value === undefined ? null : Number(value);
      }
      rows.push(Array.from(cells, (v) => v ?? null));
    }
    return { name, rows };
  });
}
