// The reader of a notice published as a PDF: bytes → the text lines of its pages, as the pages show them.
//
// PDF.js (pdfjs-dist) gives each page's text as positioned runs; runs on one baseline make a line, a wide gap
// between two runs of a line is a table's cell boundary (a tab, as segment-table.ts reads it). A running header or
// footer (a page number, the compilation's name) is told by where it stands — the same line at the same height at
// the edge of several pages — and left out here; the rest of the page furniture (a table of contents, a page
// number the pages do not place alike) is left to segment-pages.ts, as for text copied out of a PDF. PDF.js is large and asynchronous: it is loaded only when a PDF is met, by the caller
// (the ETL from node_modules, the import worker as a chunk of the app's own build — lazy-pdfjs.ts), and the text
// is read before the (synchronous) ingest runs: preReadPdfs turns a PDF input into its text.
import { IngestError } from './errors.ts';

/** A run of text as PDF.js gives it (its TextItem; declared here, the ingest stays free of DOM types). */
export interface TextItem {
  str: string;
  /** [a, b, c, d, x, y]: x and y place the run's baseline start on the page. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** The part of PDF.js the reader uses (the library's module, loaded by the caller). */
export interface PdfJs {
  getDocument(params: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean; stopAtErrors?: boolean; verbosity?: number; cMapUrl?: string; cMapPacked?: boolean }): {
    promise: Promise<PdfDocument>;
    destroy(): Promise<void>;
  };
}

interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>;
}

export type PreRead = { text: string } | { error: IngestError };

/**
 * A PDF input's text, read before the ingest (which is synchronous) runs; undefined for any other file. A PDF
 * that cannot be read gives its error, for the ingest to report like any unreadable file.
 */
export async function preReadPdf(sourceFile: string, bytes: Uint8Array, load: () => Promise<PdfJs>, options: { cMapUrl?: string } = {}): Promise<PreRead | undefined> {
  if (!isPdf(bytes)) return undefined;
  try {
    return { text: (await readPdf(sourceFile, bytes, await load(), options)).join('\n') };
  } catch (error) {
    if (error instanceof IngestError) return { error };
    return { error: new IngestError(sourceFile, 'malformed', `not a readable PDF: ${(error as Error).message}`) };
  }
}

export const isPdf = (bytes: Uint8Array) => bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;

/** At most this many pages are read: a notice has tens; thousands are no notice (and would take minutes). */
export const MAX_PDF_PAGES = 500;

export async function readPdf(sourceFile: string, bytes: Uint8Array, pdfjs: PdfJs, options: { cMapUrl?: string } = {}): Promise<string[]> {
  // PDF.js takes the buffer over (transfers it to its worker): give it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}) });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new IngestError(sourceFile, 'encrypted', 'a password-protected PDF; save it without a password');
    throw new IngestError(sourceFile, 'malformed', `not a readable PDF: ${(error as Error).message}`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new IngestError(sourceFile, 'oversized', `${doc.numPages} pages, more than ${MAX_PDF_PAGES}`);
    const pages: PageLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageRows(content.items.filter((i): i is TextItem => typeof (i as TextItem).str === 'string')));
    }
    const lines = withoutRunningLines(pages).flat();
    if (lines.length === 0) {
      throw new IngestError(sourceFile, 'unsupported', 'a PDF without text (a scan): it would need OCR');
    }
    return lines;
  } finally {
    await task.destroy();
  }
}

/**
 * A page's runs → its lines. Runs come in reading order; a run whose baseline lies more than half a line away
 * from the line's starts a new line; within a line, runs sorted left to right join directly, or with a tab
 * where the gap is wider than a character (the next cell of a table row), or a space for a smaller gap after
 * Latin text (Chinese text has no spaces).
 */
export function pageLines(items: TextItem[]): string[] {
  return pageRows(items).map((l) => l.text);
}

/** A line of a page and the height of its baseline (PDF units, growing upwards). */
export interface PageLine {
  text: string;
  y: number;
}

/** How many lines at a page's top and at its bottom may be a running header or footer. */
const PAGE_EDGE_LINES = 2;

/**
 * The pages without their running headers and footers: a line among the first or last two of a page that is
 * printed at the same height, with the same text (its digits aside: — 3 —, 第3页), on at least two pages and a
 * third of them. Body text never stands at the same height with the same words on two pages; a table's header
 * row repeated on each page is left to the table reader (a row of cells is no running line).
 */
export function withoutRunningLines(pages: PageLine[][]): string[][] {
  const key = (l: PageLine) => `${Math.round(l.y)}|${l.text.replace(/\d+/g, '#')}`;
  const edges = (page: PageLine[]) => new Set([...page.slice(0, PAGE_EDGE_LINES), ...page.slice(-PAGE_EDGE_LINES)]);
  const pageEdges = pages.map(edges);
  const pagesWith = new Map<string, number>();
  for (const edge of pageEdges) for (const k of new Set([...edge].map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  const running = (l: PageLine) => {
    const n = pagesWith.get(key(l)) ?? 0;
    return n >= 2 && n >= pages.length / 3 && !l.text.includes('\t') && [...l.text].length <= 40;
  };
  return pages.map((page, p) => page.filter((l) => !(pageEdges[p].has(l) && running(l))).map((l) => l.text));
}

/** A page's runs → its lines with their heights (see pageLines). */
export function pageRows(items: TextItem[]): PageLine[] {
  const rows: { y: number; size: number; runs: { x: number; end: number; str: string; size: number }[] }[] = [];
  for (const item of items) {
    const size = Math.abs(item.height) || Math.abs(item.transform[3]) || 10;
    const x = item.transform[4];
    const y = item.transform[5];
    if (item.str === '' && !item.hasEOL) continue;
    let row = rows.find((r) => Math.abs(r.y - y) < Math.min(r.size, size) / 2);
    if (!row) rows.push((row = { y, size, runs: [] }));
    // Blank runs (PDF.js adds them for gaps) are no text: the gap itself says what separates the runs around it.
    if (item.str.trim() !== '') row.runs.push({ x, end: x + item.width, str: item.str, size });
  }
  rows.sort((a, b) => b.y - a.y); // PDF's y grows upwards
  const lines: PageLine[] = [];
  for (const row of rows) {
    const runs = row.runs.sort((a, b) => a.x - b.x);
    let line = '';
    let end = -Infinity;
    for (const run of runs) {
      const gap = run.x - end;
      if (line !== '') line += gap > run.size ? '\t' : gap > 0.2 * run.size && !/[\u3000-\u9fff\uff00-\uffef]$/.test(line) ? ' ' : '';
      line += run.str;
      end = Math.max(end, run.end);
    }
    const trimmed = foldRadicals(line).trim();
    if (trimmed !== '') lines.push({ text: trimmed, y: row.y });
  }
  return lines;
}

/**
 * Fonts often map Chinese glyphs to the Kangxi radicals or the radicals supplement (⼯ ⼀ ⺠ ⻔) instead of the
 * characters they draw (工 一 民 门): the page shows the characters, so the text gets them. Kangxi radicals fold by
 * NFKC; the supplement's simplified forms have no decomposition and are listed here (with ⼾, whose NFKC is 戶).
 */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⺟': '母', '⺩': '王', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长',
  '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
  // A Kangxi radical whose NFKC is the traditional form, drawn by simplified fonts as the simplified one.
  '⼾': '户',
};

export function foldRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => RADICALS_SUPPLEMENT[c] ?? c.normalize('NFKC'));
}
