// Node only: the dataset → public/data/ (Parquet files of the contract, dashboard.duckdb, quality.json, overview.json).
import path from 'node:path';
import type { Dataset } from '../ingest/pipeline.ts';
import { buildQualityReport, type QualityReport } from '../ingest/quality.ts';
import type { Logger } from './logger.ts';
import { writeDashboardDb } from './dashboard-db.ts';
import { writeOverviewSnapshot } from './overview-snapshot.ts';
import { writeJsonFile, writeParquetFiles } from './parquet.ts';

export type { Logger } from './logger.ts';
export { silentLogger } from './logger.ts';
export { writeFileAtomic } from './atomic.ts';
export * from './parquet.ts';
export { computeOverviewSnapshot, writeOverviewSnapshot } from './overview-snapshot.ts';
export { writeDashboardDb } from './dashboard-db.ts';

/**
 * Writes the five Parquet files, dashboard.duckdb (the same tables for the browser), quality.json and
 * overview.json (the landing view's numbers) into outDir; returns the quality report.
 */
export async function exportDataset(dataset: Dataset, outDir: string, logger: Logger): Promise<QualityReport> {
  const report = buildQualityReport(dataset);
  await writeParquetFiles(dataset, outDir, logger);
  await writeDashboardDb(outDir, logger);
  await writeJsonFile(path.join(outDir, 'quality.json'), report);
  logger.info(`quality.json: ${report.totals.documents} documents, ${report.failures.length} failures`);
  await writeOverviewSnapshot(outDir, logger);
  return report;
}
