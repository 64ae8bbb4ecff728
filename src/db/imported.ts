// Documents the analyst imports in the browser: read in a Web Worker by the same ingest as the export
// (import-worker.ts → import-doc.ts), previewed and corrected by the analyst (components/import), then
// inserted in bulk into imported_* tables that the documents / cases / metrics / similar views union
// (workspace-sql.ts), kept in IndexedDB as rows (stable case ids, so labels on them hold; nothing is read
// again) and re-inserted in bulk on every load until the analyst removes them.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { IngestMessage } from '../ingest/messages.ts';
import type { CaseRow } from '../ingest/types.ts';
import { insertRowsBulk } from './import-arrow.ts';
import {
  MAX_IMPORT_BYTES,
  tooLargeFailure,
  type ImportedDoc,
  type ImportFailure,
  type ImportFile,
  type ImportOutcome,
  type ImportProgress,
  type LoadedIds,
} from './import-doc.ts';
import type { ImportReply, ImportRequest } from './import-worker.ts';
import { idbDelete, idbGetAll, idbPut, IMPORTS_STORE } from './persist.ts';
import { invalidateSql } from './query-client.ts';
import { createStore } from './store.ts';
import { changeWorkspace, rows, tableColumns, workspaceConnection } from './workspace.ts';
import { REFRESH_SUMMARY_SQL, removeImportedSql } from './workspace-sql.ts';

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

// ---- SQL ----

const IMPORTED_TABLES = ['imported_documents', 'imported_cases', 'imported_metrics', 'imported_similar'] as const;

/**
 * Insert documents' rows in bulk (Arrow, see import-arrow.ts) and recompute the Overview's summary, all in
 * one transaction: on any error nothing of them stays.
 */
async function insertDocs(conn: AsyncDuckDBConnection, docs: ImportedDoc[]): Promise<void> {
  const [documents, cases, metrics, similar] = await Promise.all(IMPORTED_TABLES.map((t) => tableColumns(conn, t)));
  await conn.query('BEGIN TRANSACTION');
  try {
    await insertRowsBulk(conn, 'imported_documents', documents, docs.map((d) => d.document));
    await insertRowsBulk(conn, 'imported_cases', cases, docs.flatMap((d) => d.cases));
    await insertRowsBulk(conn, 'imported_metrics', metrics, docs.flatMap((d) => d.metrics));
    await insertRowsBulk(conn, 'imported_similar', similar, docs.flatMap((d) => d.similar));
    for (const sql of REFRESH_SUMMARY_SQL) await conn.query(sql);
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Whether the analyst has imported documents stored in this browser (read on load, before restoring). */
export async function hasStoredImports(): Promise<boolean> {
  return (await idbGetAll<ImportedDoc>(IMPORTS_STORE)).length > 0;
}

/**
 * On load: insert every stored document's rows (called by restoreWorkspace before the app is ready). The
 * rows are stored, so nothing is read again; all documents go in at once, and if that fails one at a time,
 * so a stored document that no longer fits the tables does not block the others.
 */
export async function restoreImports(conn: AsyncDuckDBConnection): Promise<void> {
  const stored = await idbGetAll<ImportedDoc>(IMPORTS_STORE);
  if (stored.length === 0) return;
  let restored: ImportedDoc[] = [];
  // Timed as a performance measure ('restore-imports'): the e2e test reads it.
  const started = performance.now();
  try {
    await insertDocs(conn, stored);
    restored = stored;
    performance.measure('restore-imports', { start: started, end: performance.now() });
  } catch {
    for (const doc of stored) {
      try {
        await insertDocs(conn, [doc]);
        restored.push(doc);
      } catch (error) {
        console.warn(`imported document ${doc.sourceFile} could not be restored:`, error);
      }
    }
  }
  publish(restored.map(summary));
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

/** What the ingest needs of the loaded data: ids in use, and the cases and documents to dedupe against. */
async function loadedData(conn: AsyncDuckDBConnection): Promise<LoadedIds> {
  const [caseRows, docRows] = await Promise.all([
    rows(conn, 'SELECT case_id, doc_id, province, title, indicator, background, measures, outcomes, has_body, duplicate_of FROM cases_all'),
    rows(conn, 'SELECT doc_id, cases_listed FROM documents'),
  ]);
  return {
    caseIds: caseRows.map((r) => String(r.case_id)),
    docIds: docRows.map((r) => String(r.doc_id)),
    // Only the fields dedupe and similarCases read are needed.
    cases: caseRows as unknown as CaseRow[],
    documents: docRows.map((r) => ({ doc_id: String(r.doc_id), cases_listed: Number(r.cases_listed) })),
  };
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
        else reject(new Error(reply.message));
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
  const conn = await workspaceConnection();
  await changeWorkspace(conn, removeImportedSql(docId));
  await idbDelete(IMPORTS_STORE, docId);
  publish(imports.get().filter((d) => d.docId !== docId));
  await invalidateSql();
}
