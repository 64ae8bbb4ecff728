// One ingest measurement, run in its own process so that peak memory (maxRSS) belongs to this size only.
// Usage: node --import tsx scripts/bench/ingest-child.ts <factor> <dir> [full|stages]  → one JSON line (IngestResult).
// full:   wall time is ingestCorpus over the ×factor synthetic corpus, as `npm run etl` runs it (decode → … →
//         dedupe → similar; Parquet writing excluded); dedupe and similar are then re-timed alone on its output,
//         to show which part grows faster than linearly.
// stages: for sizes whose full run exceeds the time budget: the real corpus is ingested once, its cases are
//         replicated ×factor exactly as the synthetic corpus would produce them (same texts, copies filed under
//         other provinces), and only the corpus-wide stages (dedupe, similar) run at full size; the per-document
//         stages are linear (each document is read alone), so their time is the measured per-document time ×
//         documents. `estimated: true` marks such a result.
import { collectInputs } from '../../src/export/sources.ts';
import { useInstalledWordList } from '../../src/export/word-list.ts';
import { dedupeCases } from '../../src/ingest/dedupe.ts';
import { ingestCorpus } from '../../src/ingest/pipeline.ts';
import { similarCases } from '../../src/ingest/similar.ts';
import type { CaseRow, DocumentRow } from '../../src/ingest/types.ts';
import { replicateCases, syntheticCorpus } from './synthetic-corpus.ts';

export interface IngestResult {
  factor: number;
  documents: number;
  cases: number;
  metrics: number;
  /** With similarMs null: the time so far (a lower bound). */
  wallMs: number;
  dedupeMs: number;
  /** null until similar has finished (a result printed before it, or the run hit the time budget). */
  similarMs: number | null;
  maxRssMb: number;
  estimated: boolean;
}

const factor = Number(process.argv[2] ?? 1);
const dir = process.argv[3] ?? 'data/raw';
const mode = process.argv[4] === 'stages' ? 'stages' : 'full';
const { inputs } = await collectInputs([dir]);
// As the ETL runs it: a garbled notice's repair reads the installed word list.
useInstalledWordList();

// stages: a first, untimed pass warms up the JIT and the lazily built tables (decoder model, dictionaries):
// that one-time start-up (~1 s) must not be scaled ×factor as if it were per-document work.
if (mode === 'stages') ingestCorpus(inputs);
const started = performance.now();
const dataset = ingestCorpus(mode === 'full' ? syntheticCorpus(inputs, factor) : inputs);
let wallMs = performance.now() - started;

// stages: the per-document part of the real pass (its wall time minus its own corpus-wide stages).
let perDocumentMs = wallMs;
if (mode === 'stages') {
  const t2 = performance.now();
  similarCases(dedupeCases(dataset.cases.map((c) => ({ ...c, duplicate_of: null })), dataset.documents).cases, { perProvince: 5 });
  perDocumentMs = wallMs - (performance.now() - t2);
}

let cases: CaseRow[] = dataset.cases;
let documents: DocumentRow[] = dataset.documents;
const metrics = dataset.metrics.length;
if (mode === 'stages') ({ cases, documents } = replicateCases(dataset.cases, dataset.documents, factor));

// The cases as dedupe saw them (duplicate_of cleared), timed alone; then similar on dedupe's output.
let t = performance.now();
const deduped = dedupeCases(
  cases.map((c) => ({ ...c, duplicate_of: null })),
  documents,
).cases;
const dedupeMs = performance.now() - t;
// A first line now: if similar overruns the parent's time budget, the sizes and dedupe time are still known.
const partial = (similarMs: number | null, wall: number): IngestResult => ({
  factor,
  documents: documents.length,
  cases: cases.length,
  metrics: mode === 'stages' ? metrics * factor : metrics,
  wallMs: wall,
  dedupeMs,
  similarMs,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  estimated: mode === 'stages',
});
if (mode === 'stages') console.log(JSON.stringify(partial(null, perDocumentMs * factor + dedupeMs)));
t = performance.now();
similarCases(deduped, { perProvince: 5 });
const similarMs = performance.now() - t;

if (mode === 'stages') wallMs = perDocumentMs * factor + dedupeMs + similarMs;
console.log(JSON.stringify(partial(similarMs, wallMs)));
