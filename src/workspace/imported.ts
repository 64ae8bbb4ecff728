// Documents the analyst imports in the browser: read in a Web Worker by the same ingest as the export
// (import-worker.ts → import-doc.ts), previewed and corrected by the analyst (components/import), then
// inserted in bulk into imported_* tables that the documents / cases / metrics / similar views union
// (sql/workspace-views.ts), kept in IndexedDB as rows (stable case ids, so labels on them hold; nothing is read
// again) and re-inserted in bulk on every load until the analyst removes them.
import { invalidateSql } from '../hooks/query-client.ts';
import type { IngestMessage } from '../ingest/messages.ts';
import type { Connector } from '../sql/connector.ts';
import { workspaceConnection } from './connection.ts';
import {
  MAX_IMPORT_BYTES,
  tooLargeFailure,
  type ImportedDoc,
  type ImportFailure,
  type ImportFile,
  type ImportOutcome,
  type ImportProgress,
} from './import-doc.ts';
import { insertDocs, loadedData, removeDoc, restoreDocs } from './import-rows.ts';
import type { ImportReply, ImportRequest } from './import-worker.ts';
import { idbDelete, idbGetAll, idbPut, IMPORTS_STORE } from './persist.ts';
import { createStore } from './store.ts';

/** What the import list shows of a document. */
export interface ImportSummary {
  docId: string;
  sourceFile: string;
  importedAt: string;
  province: string | null;
  title: string | null;
  year: number | null;
  batch: number | null;
  cases: number;
  metrics: number;
  /** The ingest's messages (rows stored before they had codes hold English sentences). */
  warnings: (IngestMessage | string)[];
}

function summary(doc: ImportedDoc): ImportSummary {
  return {
    docId: doc.docId,
    sourceFile: doc.sourceFile,
    importedAt: doc.importedAt,
    province: doc.document.province,
    title: doc.document.title,
    year: doc.document.year,
    batch: doc.document.batch,
    cases: doc.cases.length,
    metrics: doc.metrics.length,
    warnings: doc.warnings,
  };
}

// ---- a tiny store of the imported documents, for React ----

const imports = createStore<ImportSummary[]>([]);

function publish(next: ImportSummary[]): void {
  imports.set([...next].sort((a, b) => a.importedAt.localeCompare(b.importedAt)));
}

export function useImports(): ImportSummary[] {
  return imports.use();
}

/** Whether the analyst has imported documents stored in this browser (read on load, before restoring). */
export async function hasStoredImports(): Promise<boolean> {
  return (await idbGetAll<ImportedDoc>(IMPORTS_STORE)).length > 0;
}

/** On load (restoreWorkspace, before the app is ready): the documents stored in this browser go back in. */
export async function restoreImports(conn: Connector): Promise<void> {
  const restored = await restoreDocs(conn, await idbGetAll<ImportedDoc>(IMPORTS_STORE));
  if (restored.length > 0) publish(restored.map(summary));
}

// ---- import: read the files in a worker, preview, confirm ----

/**
 * The chosen files' bytes; a file over the size cap is refused here, before it is read. The analyst's
 * corrections are added later (preview), per file.
 */
export async function readImportFiles(files: File[]): Promise<{ files: ImportFile[]; refused: ImportFailure[] }> {
  const refused: ImportFailure[] = [];
  const read: ImportFile[] = [];
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) refused.push(tooLargeFailure(file.name, file.size));
    else read.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return { files: read, refused };
}

/** Thrown (as the promise's rejection) when the analyst cancels a running import. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

/**
 * Read files for the preview in a Web Worker (the page stays responsive); nothing touches a table.
 * `signal` cancels: the worker is terminated at once, whatever it is doing.
 */
export async function previewImport(files: ImportFile[], onProgress: (p: ImportProgress) => void, signal: AbortSignal): Promise<ImportOutcome> {
  const loaded = await loadedData(await workspaceConnection());
  if (signal.aborted) throw new ImportCancelled();
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
  try {
    return await new Promise<ImportOutcome>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new ImportCancelled()), { once: true });
      worker.onmessage = (event: MessageEvent<ImportReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') onProgress(reply.progress);
        else if (reply.type === 'done') resolve(reply.outcome);
        else if (reply.type === 'error') reject(new Error(reply.message));
        // Anything else is no reply of the import's: PDF.js's worker code, run inside the import worker, announces
        // itself on the worker's port.
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the import worker failed'));
      const request: ImportRequest = { files, loaded: { ...loaded, caseIds: [...loaded.caseIds], docIds: [...loaded.docIds] }, now: new Date().toISOString() };
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}

/** Insert confirmed documents, store them in this browser, and make every view re-query. */
export async function confirmImport(docs: ImportedDoc[]): Promise<ImportSummary[]> {
  if (docs.length === 0) return [];
  const conn = await workspaceConnection();
  await insertDocs(conn, docs);
  for (const doc of docs) {
    await idbPut(IMPORTS_STORE, doc.docId, doc).catch((error: unknown) => {
      console.warn(`${doc.sourceFile} is loaded but could not be saved in this browser:`, error);
    });
  }
  const added = docs.map(summary);
  publish([...imports.get(), ...added]);
  await invalidateSql();
  return added;
}

/** Remove an imported document: its rows leave every view and it is not restored on the next load. */
export async function removeImport(docId: string): Promise<void> {
  await removeDoc(await workspaceConnection(), docId);
  await idbDelete(IMPORTS_STORE, docId);
  publish(imports.get().filter((d) => d.docId !== docId));
  await invalidateSql();
}
