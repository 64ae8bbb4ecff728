// The import's ingest, off the main thread: a large notice takes seconds to read, and the page must stay
// responsive (and the analyst able to cancel, which terminates this worker) meanwhile.
// Protocol: one request → any number of progress messages → one result (or error) message.
import { preReadPdf } from '../ingest/read-pdf.ts';
import { loadPdfJs } from './pdfjs-browser.ts';
import { loadWordListFor } from './word-list-fetch.ts';
import { prepareImport, type ImportFile, type ImportOutcome, type ImportProgress, type LoadedIds } from './import-doc.ts';

export interface ImportRequest {
  files: ImportFile[];
  loaded: LoadedIds;
  /** ISO time of the import. */
  now: string;
}

export type ImportReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; message: string };

const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { loaded, now } = event.data;
  try {
    // A PDF's text first (PDF.js is asynchronous, the ingest is not): loaded only when a PDF is among the files.
    const files = await Promise.all(
      event.data.files.map(async (f) => {
        const preRead = await preReadPdf(f.name, f.bytes, loadPdfJs);
        return preRead ? { ...f, preRead } : f;
      }),
    );
    await loadWordListFor(files);
    const outcome = prepareImport(files, loaded, new Date(now), (progress) => post({ type: 'progress', progress }));
    post({ type: 'done', outcome });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
