// Shared test helpers: the ETL over data/raw, run once per test file (exported into a temp dir), or its ingest in
// memory, once per run.
// Reading the exported Parquet back: data-db.ts.
import { existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { inject } from 'vitest';
import { exportDataset, silentLogger } from '../../src/export/index.ts';
import { collectInputs } from '../../src/export/sources.ts';
import { ingestCorpus, type Dataset } from '../../src/ingest/pipeline.ts';
import type { QualityReport } from '../../src/ingest/quality.ts';
import { withLock } from './dataset.ts';
import { RAW_DIR } from './paths.ts';

export interface EtlRun {
  outDir: string;
  dataset: Dataset;
  report: QualityReport;
}

let corpusRun: Promise<EtlRun> | null = null;

/** The real corpus (data/raw + its manifest) exported into a fresh temp dir once per test file (ingested once per run). */
export function runCorpusEtl(): Promise<EtlRun> {
  corpusRun ??= (async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'etl-corpus-'));
    // The run's one ingest (exportDataset only reads it).
    const dataset = await ingestRawCorpus();
    const report = await exportDataset(dataset, outDir, silentLogger);
    return { outDir, dataset, report };
  })();
  return corpusRun;
}

let rawCorpus: Promise<Dataset> | null = null;

/**
 * The corpus ingested in memory only (no export). Treat it as read-only. Under vitest it is ingested once per run:
 * the first file that asks ingests it and writes it as JSON where the run's global setup said (tests/setup/dataset.ts);
 * the other files read that (an ingest is ~5 CPU-s, and nine files ask for it).
 */
export function ingestRawCorpus(): Promise<Dataset> {
  rawCorpus ??= ingestedOncePerRun();
  return rawCorpus;
}

const ingestNow = () => collectInputs([RAW_DIR]).then(({ inputs }) => ingestCorpus(inputs));

async function ingestedOncePerRun(): Promise<Dataset> {
  const file = process.env.VITEST ? inject('ingestedCorpus') : undefined;
  if (!file) return ingestNow();
  // Under a lock: files run in parallel, and the ones that start together wait for the first one's ingest.
  return withLock('ingested-corpus', async () => {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Dataset;
    const dataset = await ingestNow();
    const json = JSON.stringify(dataset);
    // The files that read it must get the very rows an ingest gives (no Map, Date or undefined lost on the way).
    if (!isDeepStrictEqual(JSON.parse(json), dataset)) throw new Error('the ingested corpus does not survive JSON: ingest it in each file');
    writeFileSync(`${file}.part`, json);
    renameSync(`${file}.part`, file);
    return dataset;
  });
}
