// Node only: the dataset → public/data/ (Parquet files of the contract, dashboard.duckdb, quality.json, the views'
// snapshots overview.json and view-*.json,
// and the mojibake repair's word list zh-words.txt), published as one set (publish.ts): a failure at any file leaves the previous set whole.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WORD_LIST_FILE } from '../ingest/mojibake-words.ts';
import type { Dataset } from '../ingest/pipeline.ts';
import { installedWordList } from './word-list.ts';
import { buildQualityReport, type QualityReport } from '../ingest/quality.ts';
import { DASHBOARD_DB_FILE } from '../sql/tables.ts';
import type { Logger } from './logger.ts';
import { writeDashboardDb } from './dashboard-db.ts';
import { writeSnapshots } from './snapshots.ts';
import { writeJsonFile, writeParquetFiles } from './parquet.ts';
import { publishSet, QUALITY_FILE, type ExportHooks } from './publish.ts';

export type { Logger } from './logger.ts';
export { silentLogger } from './logger.ts';
export { writeFileAtomic } from './atomic.ts';
export * from './parquet.ts';
export { computeSnapshot, writeSnapshots } from './snapshots.ts';
export { writeDashboardDb } from './dashboard-db.ts';
export { publishSet, SET_FILES, type ExportHooks } from './publish.ts';

/**
 * Writes the five Parquet files, dashboard.duckdb (the same tables for the browser), quality.json and
 * the views' default states (overview.json, view-*.json: src/export/snapshots.ts) as one set that replaces outDir; returns the quality report.
 * `hooks.beforeWrite` is called with each file's name before it is written.
 */
export async function exportDataset(dataset: Dataset, outDir: string, logger: Logger, hooks: ExportHooks = {}): Promise<QualityReport> {
  const report = buildQualityReport(dataset);
  await publishSet(outDir, async (dir) => {
    await writeParquetFiles(dataset, dir, logger, hooks);
    await hooks.beforeWrite?.(DASHBOARD_DB_FILE);
    await writeDashboardDb(dir, logger);
    await hooks.beforeWrite?.(QUALITY_FILE);
    await writeJsonFile(path.join(dir, QUALITY_FILE), report);
    logger.info(`${QUALITY_FILE}: ${report.totals.documents} documents, ${report.failures.length} failures`);
    await writeSnapshots(dir, logger, hooks.beforeWrite);
    // The mojibake repair's word list: the import worker fetches it for a garbled notice (only then).
    await hooks.beforeWrite?.(WORD_LIST_FILE);
    await writeFile(path.join(dir, WORD_LIST_FILE), installedWordList());
  });
  return report;
}
