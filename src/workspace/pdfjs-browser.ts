// PDF.js in the import worker, loaded when a PDF is imported: two chunks of the app's own build (nothing from
// another origin; works offline). The import worker is already off the main thread, so PDF.js runs its own
// worker code here (pdfjsWorker: its "fake worker") rather than starting a worker of its own.
import type { PdfJs } from '../ingest/read-pdf.ts';

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs as unknown as PdfJs;
  })();
  return loading;
}
