// Importing announcements in the browser, the pure part: file bytes → the rows to insert, by the very
// ingest code the build-time export runs. Every file is read completely before anything touches a table,
// so a file the ingest cannot read changes nothing (the caller gets its message instead).
import { ingestCorpus, similarCases, type CaseRow, type DocumentRow, type MetricRow, type SimilarRow } from '../ingest/index.ts';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** One imported document with its rows: what is stored in the browser and inserted on every load. */
export interface ImportedDoc {
  docId: string;
  sourceFile: string;
  /** ISO time of the import. */
  importedAt: string;
  size: number;
  document: DocumentRow;
  cases: CaseRow[];
  metrics: MetricRow[];
  /** Similar-case pairs between this document's cases and all others (both directions). */
  similar: SimilarRow[];
  /** The ingest's remarks (e.g. "the notice announces 36 cases, 35 were found"). */
  warnings: string[];
}

export interface ImportFailure {
  sourceFile: string;
  /** Names the file and the reason, e.g. "x.txt: binary file, not text (NUL byte at offset 0)". */
  message: string;
}

export interface ImportOutcome {
  imported: ImportedDoc[];
  failures: ImportFailure[];
}

/** What is already loaded, so new ids never collide and the same document is not loaded twice. */
export interface LoadedIds {
  caseIds: Iterable<string>;
  docIds: Iterable<string>;
  /** Cases to compare the new ones with (for similar practices); may be empty. */
  cases?: CaseRow[];
}

/**
 * Ingest each file on its own (one unreadable or crashing file never takes the others down); ids are
 * made unique against everything loaded and against the files imported before it in the same batch.
 */
export function prepareImport(files: ImportFile[], loaded: LoadedIds, now: Date = new Date()): ImportOutcome {
  const caseIds = new Set(loaded.caseIds);
  const docIds = new Set(loaded.docIds);
  const imported: ImportedDoc[] = [];
  const failures: ImportFailure[] = [];
  for (const file of files) {
    let dataset;
    try {
      dataset = ingestCorpus([{ sourceFile: file.name, bytes: file.bytes }], { existingCaseIds: caseIds });
    } catch (error) {
      // A bug in the ingest on an odd text: report it like an unreadable file rather than break the page.
      failures.push({ sourceFile: file.name, message: `${file.name}: cannot be read (${(error as Error).message})` });
      continue;
    }
    if (dataset.failures.length > 0) {
      failures.push(...dataset.failures.map((f) => ({ sourceFile: f.sourceFile, message: f.message })));
      continue;
    }
    const result = dataset.results[0];
    const document = result.document;
    // doc_id ends with the hash of the file's bytes: the same id means the same text is already loaded.
    if (docIds.has(document.doc_id)) {
      failures.push({ sourceFile: file.name, message: `${file.name}: already loaded (same text as document ${document.doc_id})` });
      continue;
    }
    for (const c of dataset.cases) caseIds.add(c.case_id);
    docIds.add(document.doc_id);
    imported.push({
      docId: document.doc_id,
      sourceFile: file.name,
      importedAt: now.toISOString(),
      size: file.bytes.length,
      document,
      cases: dataset.cases,
      metrics: dataset.metrics,
      similar: [],
      warnings: result.report.warnings,
    });
  }
  if (imported.length > 0) addSimilar(imported, loaded.cases ?? []);
  return { imported, failures };
}

/**
 * Similar practices for the new cases, computed over everything (TF-IDF weights depend on the whole
 * corpus); only pairs that involve a new case are kept, each stored with the document that brought it.
 */
function addSimilar(imported: ImportedDoc[], loadedCases: CaseRow[]): void {
  const owner = new Map<string, ImportedDoc>();
  for (const doc of imported) for (const c of doc.cases) owner.set(c.case_id, doc);
  const all = [...loadedCases, ...imported.flatMap((d) => d.cases)];
  for (const row of similarCases(all)) {
    const doc = owner.get(row.case_id) ?? owner.get(row.other_case_id);
    doc?.similar.push(row);
  }
}
