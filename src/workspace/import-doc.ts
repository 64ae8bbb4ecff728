// Importing announcements in the browser, the pure part: file bytes → the rows to insert, by the very
// ingest code the build-time export runs. Every file is read completely before anything touches a table,
// so a file the ingest cannot read changes nothing (the caller gets its reason instead). Runs in the
// import worker (import-worker.ts), and in Node tests.
//
// Two steps, so the analyst sees what was found before it joins the views:
//   prepareImport  files (+ the analyst's corrections) → a preview of each document: its rows, what the ingest
//                  noticed (announced count, layout, warnings, lines placed nowhere) and failures with reasons;
//   keepCases      a previewed document minus the cases the analyst excluded → the rows that are inserted.
import {
  dedupeCases,
  ingestCorpus,
  similarCases,
  type CaseRow,
  type DocumentRow,
  type FailureReason,
  type MetricRow,
  type SimilarRow,
  type IngestMessage,
  type SourceHints,
  type ValueOrigin,
} from '../ingest/index.ts';
import type { PreRead } from '../ingest/read-pdf.ts';

/** Files larger than this are refused before they are read (a notice of this genre is well under 1 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** The analyst's corrections of the document's province / year / batch: they win over the text's. */
  overrides?: SourceHints;
  /** A PDF's text, read in the worker before the ingest (pdfjs-browser.ts). */
  preRead?: PreRead;
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
  warnings: IngestMessage[];
}

/** What the preview shows of a document besides its rows (not stored). */
export interface PreviewDoc extends ImportedDoc {
  /** Case count the notice states, or null. */
  casesAnnounced: number | null;
  /** The layout the segmenter read the document with, when the ingest names it. */
  layout: string | null;
  /** Non-blank lines placed in no case and not in the header. */
  unassigned: { lineNo: number; text: string }[];
  /** Document values not read from its header: inferred from the text, or set by the analyst. */
  origins: ValueOrigin[];
  /** The corrections this preview was read with. */
  overrides: SourceHints;
  /** Index of the file in the import (to re-read it with corrections). */
  fileIndex: number;
}

/** Why the ingest cannot read a file, or why the import refuses it (too large, already loaded, the reader failed). */
export type ImportFailureReason = FailureReason | 'too_large' | 'already_loaded' | 'crashed';

export interface ImportFailure {
  sourceFile: string;
  /** Names the file and the reason, e.g. "x.txt: binary file, not text (NUL byte at offset 0)". */
  message: string;
  reason: ImportFailureReason;
  /** What the reason is about (for no_cases: what the ingest looked for), as the ingest says it. */
  detail: string;
}

export interface ImportOutcome {
  imported: PreviewDoc[];
  failures: ImportFailure[];
}

/** What is already loaded, so new ids never collide, the same text is not loaded twice, and reprints are found. */
export interface LoadedIds {
  caseIds: Iterable<string>;
  docIds: Iterable<string>;
  /**
   * Loaded cases to compare the new ones with (similar practices, and duplicates of a published case);
   * may be empty. Only the fields dedupe and similarity read are needed.
   */
  cases?: CaseRow[];
  /** Loaded documents (doc_id, cases_listed): dedupe prefers the copy of the document listing more cases. */
  documents?: Pick<DocumentRow, 'doc_id' | 'cases_listed'>[];
}

export type ImportStage = 'read' | 'dedupe' | 'similar';

/** Progress of prepareImport: the stage, and for 'read' the file being read. */
export interface ImportProgress {
  stage: ImportStage;
  file: number;
  files: number;
  name?: string;
}

/** A refusal of a file that is too large, before any of it is read. */
export function tooLargeFailure(name: string, size: number, max = MAX_IMPORT_BYTES): ImportFailure {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    sourceFile: name,
    reason: 'too_large',
    detail: `${mb(size)}, more than ${mb(max)}`,
    message: `${name}: too large (${mb(size)}; at most ${mb(max)} per file)`,
  };
}

/**
 * Ingest each file on its own (one unreadable or crashing file never takes the others down); ids are
 * made unique against everything loaded and against the files imported before it in the same batch;
 * cases are deduped against the loaded ones too (a reprint of a published case points at it).
 */
export function prepareImport(
  files: ImportFile[],
  loaded: LoadedIds,
  now: Date = new Date(),
  onProgress: (p: ImportProgress) => void = () => undefined,
): ImportOutcome {
  const caseIds = new Set(loaded.caseIds);
  const loadedHashes = new Map<string, string>();
  for (const id of loaded.docIds) loadedHashes.set(id.slice(id.lastIndexOf('-') + 1), id);
  const imported: PreviewDoc[] = [];
  const failures: ImportFailure[] = [];
  files.forEach((file, fileIndex) => {
    onProgress({ stage: 'read', file: fileIndex, files: files.length, name: file.name });
    if (file.bytes.length > MAX_IMPORT_BYTES) {
      failures.push(tooLargeFailure(file.name, file.bytes.length));
      return;
    }
    let dataset;
    try {
      dataset = ingestCorpus([{ sourceFile: file.name, bytes: file.bytes, overrides: file.overrides, preRead: file.preRead }], { existingCaseIds: caseIds });
    } catch (error) {
      // A bug in the ingest on an odd text: report it like an unreadable file rather than break the page.
      const detail = (error as Error).message;
      failures.push({ sourceFile: file.name, reason: 'crashed', detail, message: `${file.name}: cannot be read (${detail})` });
      return;
    }
    if (dataset.failures.length > 0) {
      failures.push(
        ...dataset.failures.map((f) => ({ sourceFile: f.sourceFile, message: f.message, reason: f.reason, detail: f.detail ?? '' })),
      );
      return;
    }
    const result = dataset.results[0];
    const document = result.document;
    // doc_id ends with the hash of the file's bytes: the same hash means the same text is already loaded
    // (whatever province / year / batch it was read with).
    const same = loadedHashes.get(result.contentHash);
    if (same !== undefined) {
      failures.push({
        sourceFile: file.name,
        reason: 'already_loaded',
        detail: same,
        message: `${file.name}: already loaded (same text as document ${same})`,
      });
      return;
    }
    for (const c of dataset.cases) caseIds.add(c.case_id);
    loadedHashes.set(result.contentHash, document.doc_id);
    const report = result.report as typeof result.report & { layout?: string };
    imported.push({
      docId: document.doc_id,
      sourceFile: file.name,
      importedAt: now.toISOString(),
      size: file.bytes.length,
      document,
      cases: dataset.cases,
      metrics: dataset.metrics,
      similar: [],
      warnings: report.warnings,
      casesAnnounced: report.casesAnnounced,
      layout: report.layout ?? null,
      unassigned: result.unassigned.map((l) => ({ lineNo: l.lineNo, text: l.original })),
      origins: report.origins,
      overrides: file.overrides ?? {},
      fileIndex,
    });
  });
  if (imported.length > 0) {
    onProgress({ stage: 'dedupe', file: files.length, files: files.length });
    markDuplicates(imported, loaded.cases ?? [], loaded.documents ?? []);
    onProgress({ stage: 'similar', file: files.length, files: files.length });
    addSimilar(imported, loaded.cases ?? []);
  }
  return { imported, failures };
}

/**
 * Dedupe the new cases against each other and against the loaded ones. A group that holds a loaded case is
 * led by a loaded case (published rows never change), so a reprint of a published case gets
 * duplicate_of = that case (or the case it is itself a copy of).
 */
function markDuplicates(imported: PreviewDoc[], loadedCases: CaseRow[], loadedDocs: Pick<DocumentRow, 'doc_id' | 'cases_listed'>[]): void {
  const newCases = imported.flatMap((d) => d.cases);
  const all = [...loadedCases, ...newCases];
  const docs = [...loadedDocs, ...imported.map((d) => d.document)] as DocumentRow[];
  const { cases: deduped } = dedupeCases(all, docs);
  const loadedCount = loadedCases.length;
  // Groups: canonical case id → members (indexes into `all`).
  const groups = new Map<string, number[]>();
  deduped.forEach((c, i) => {
    const lead = c.duplicate_of ?? c.case_id;
    const members = groups.get(lead);
    if (members) members.push(i);
    else groups.set(lead, [i]);
  });
  const target = new Map<number, string | null>();
  for (const members of groups.values()) {
    const fresh = members.filter((i) => i >= loadedCount);
    if (fresh.length === 0) continue;
    const published = members.filter((i) => i < loadedCount);
    if (published.length === 0) {
      for (const i of fresh) target.set(i, deduped[i].duplicate_of);
      continue;
    }
    // The published lead: a published member that is canonical in the published data, else what it copies.
    const lead = published.find((i) => !loadedCases[i].duplicate_of) ?? published[0];
    const leadId = loadedCases[lead].duplicate_of ?? loadedCases[lead].case_id;
    for (const i of fresh) target.set(i, leadId);
  }
  newCases.forEach((c, k) => {
    c.duplicate_of = target.get(loadedCount + k) ?? null;
  });
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

/**
 * The rows to insert for a previewed document once the analyst excluded some cases: those cases, their
 * figures and their similar pairs are left out; a kept case that pointed at an excluded one as its
 * canonical copy becomes canonical itself. The document records how many were excluded.
 */
export function keepCases(doc: PreviewDoc | ImportedDoc, excluded: Iterable<string>): ImportedDoc {
  const out = new Set(excluded);
  const cases = doc.cases.filter((c) => !out.has(c.case_id)).map((c) => (c.duplicate_of && out.has(c.duplicate_of) ? { ...c, duplicate_of: null } : c));
  const dropped = doc.cases.length - cases.length;
  return {
    docId: doc.docId,
    sourceFile: doc.sourceFile,
    importedAt: doc.importedAt,
    size: doc.size,
    document: doc.document,
    cases,
    metrics: doc.metrics.filter((m) => !out.has(m.case_id)),
    similar: doc.similar.filter((s) => !out.has(s.case_id) && !out.has(s.other_case_id)),
    warnings: dropped > 0 ? [...doc.warnings, { code: 'cases_excluded', params: { n: dropped } }] : doc.warnings,
  };
}
