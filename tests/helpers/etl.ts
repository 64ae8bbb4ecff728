// Shared test helpers: the ETL over data/raw, run once per test file (exported into a temp dir, or in memory).
// Reading the exported Parquet back: data-db.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportDataset, silentLogger } from '../../src/export/index.ts';
import { collectInputs } from '../../src/export/sources.ts';
import { ingestCorpus, type Dataset } from '../../src/ingest/pipeline.ts';
import type { QualityReport } from '../../src/ingest/quality.ts';
import { RAW_DIR } from './paths.ts';

export interface EtlRun {
  outDir: string;
  dataset: Dataset;
  report: QualityReport;
}

let corpusRun: Promise<EtlRun> | null = null;

/** The real corpus (data/raw + its manifest) ingested and exported into a fresh temp dir, once per test file. */
export function runCorpusEtl(): Promise<EtlRun> {
  corpusRun ??= (async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'etl-corpus-'));
    const { inputs } = await collectInputs([RAW_DIR]);
    const dataset = ingestCorpus(inputs);
    const report = await exportDataset(dataset, outDir, silentLogger);
    return { outDir, dataset, report };
  })();
  return corpusRun;
}

let rawCorpus: Promise<Dataset> | null = null;

/** The corpus ingested in memory only (no export), once per test file. Treat it as read-only. */
export function ingestRawCorpus(): Promise<Dataset> {
  rawCorpus ??= collectInputs([RAW_DIR]).then(({ inputs }) => ingestCorpus(inputs));
  return rawCorpus;
}
