// PDF.js's worker code, imported by pdfjs-browser.ts to run in the import worker (the package declares no types for it).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
