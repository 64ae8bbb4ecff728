// PDF.js in the import worker, loaded when a PDF is imported: a chunk of the app's own build, and PDF.js's worker
// script as an asset of it (nothing from another origin; works offline). Inside the import worker PDF.js runs
// that script in the same thread (its "fake worker": the import is already off the main thread), which then
// announces itself on the import worker's port — the page ignores messages that are no import reply.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfJs } from '../ingest/read-pdf.ts';

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
    return pdfjs as unknown as PdfJs;
  });
  return loading;
}
