// Documents the analyst imports in the browser: read by the same ingest as the export (import-doc.ts),
// inserted into imported_* tables that the documents / cases / metrics / similar views union
// (workspace-sql.ts), kept in IndexedDB as rows (stable case ids, so labels on them hold) and re-inserted
// on every load until the analyst removes them.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { CaseRow } from '../ingest/types.ts';
import type { ImportedDoc, ImportFailure, ImportFile } from './import-doc.ts';
import { idbDelete, idbGetAll, idbPut, IMPORTS_STORE } from './persist.ts';
import { invalidateSql } from './query-client.ts';
import { createStore } from './store.ts';
import { changeWorkspace, rows, tableColumns, workspaceConnection } from './workspace.ts';
import { insertRowsSql, removeImportedSql } from './workspace-sql.ts';

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
  warnings: string[];
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

async function insertStatements(conn: AsyncDuckDBConnection, docs: ImportedDoc[]): Promise<string[]> {
  const [documents, cases, metrics, similar] = await Promise.all(
    ['imported_documents', 'imported_cases', 'imported_metrics', 'imported_similar'].map((t) => tableColumns(conn, t)),
  );
  return [
    ...insertRowsSql('imported_documents', documents, docs.map((d) => d.document)),
    ...insertRowsSql('imported_cases', cases, docs.flatMap((d) => d.cases)),
    ...insertRowsSql('imported_metrics', metrics, docs.flatMap((d) => d.metrics)),
    ...insertRowsSql('imported_similar', similar, docs.flatMap((d) => d.similar)),
  ];
}

/** Whether the analyst has imported documents stored in this browser (read on load, before restoring). */
export async function hasStoredImports(): Promise<boolean> {
  return (await idbGetAll<ImportedDoc>(IMPORTS_STORE)).length > 0;
}

/** On load: insert every stored document (called by restoreWorkspace before the app is ready). */
export async function restoreImports(conn: AsyncDuckDBConnection): Promise<void> {
  const stored = await idbGetAll<ImportedDoc>(IMPORTS_STORE);
  if (stored.length === 0) return;
  const restored: ImportedDoc[] = [];
  // One document at a time: a stored document that no longer fits the tables does not block the others.
  for (const doc of stored) {
    try {
      await changeWorkspace(conn, await insertStatements(conn, [doc]));
      restored.push(doc);
    } catch (error) {
      console.warn(`imported document ${doc.sourceFile} could not be restored:`, error);
    }
  }
  publish(restored.map(summary));
}

export interface ImportResult {
  imported: ImportSummary[];
  failures: ImportFailure[];
}

async function readFile(file: File): Promise<ImportFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * Import files: ingest all of them first (nothing touches a table yet), then insert the readable ones in
 * one transaction, store them, and make every view re-query. Unreadable files come back as failures.
 */
export async function importFiles(files: File[]): Promise<ImportResult> {
  const conn = await workspaceConnection();
  const inputs = await Promise.all(files.map(readFile));
  const [caseRows, docRows] = await Promise.all([
    rows(conn, 'SELECT case_id, doc_id, province, title, indicator, background, measures, outcomes, duplicate_of FROM cases'),
    rows(conn, 'SELECT doc_id FROM documents'),
  ]);
  // The ingest (and its Chinese conversion tables) is loaded only when the analyst imports something.
  const { prepareImport } = await import('./import-doc.ts');
  const outcome = prepareImport(inputs, {
    caseIds: caseRows.map((r) => String(r.case_id)),
    docIds: docRows.map((r) => String(r.doc_id)),
    // Only the fields similarCases reads are needed.
    cases: caseRows as unknown as CaseRow[],
  });
  if (outcome.imported.length > 0) {
    await changeWorkspace(conn, await insertStatements(conn, outcome.imported));
    for (const doc of outcome.imported) {
      await idbPut(IMPORTS_STORE, doc.docId, doc).catch((error: unknown) => {
        console.warn(`${doc.sourceFile} is loaded but could not be saved in this browser:`, error);
      });
    }
    publish([...imports.get(), ...outcome.imported.map(summary)]);
    await invalidateSql();
  }
  return { imported: outcome.imported.map(summary), failures: outcome.failures };
}

/** Remove an imported document: its rows leave every view and it is not restored on the next load. */
export async function removeImport(docId: string): Promise<void> {
  const conn = await workspaceConnection();
  await changeWorkspace(conn, removeImportedSql(docId));
  await idbDelete(IMPORTS_STORE, docId);
  publish(imports.get().filter((d) => d.docId !== docId));
  await invalidateSql();
}
