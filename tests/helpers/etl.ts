// Shared test helpers: run the ETL over data/raw once into a temp dir, and query Parquet files back with DuckDB.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { exportDataset, silentLogger } from '../../src/export/index.ts';
import { collectInputs } from '../../src/export/sources.ts';
import { ingestCorpus, type Dataset } from '../../src/ingest/pipeline.ts';
import type { QualityReport } from '../../src/ingest/quality.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RAW_DIR = path.join(ROOT, 'data/raw');

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

/**
 * Runs SQL with views documents/cases/metrics/indicators/"similar" (quoted: a DuckDB keyword) over the Parquet files of `dir`.
 * Rows come back as JSON-friendly objects (BIGINT → number where safe, DATE → 'YYYY-MM-DD', lists → arrays).
 */
export async function queryParquet(dir: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const table of ['documents', 'cases', 'metrics', 'indicators', 'similar']) {
      const file = path.join(dir, `${table}.parquet`).replaceAll("'", "''");
      await connection.run(`CREATE VIEW "${table}" AS SELECT * FROM read_parquet('${file}')`);
    }
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
