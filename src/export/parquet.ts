// Node only: writes the dataset as the Parquet files of the contract (docs/data-contract.md) through DuckDB.
// Every column has an explicit type (INTEGER, DATE, BOOLEAN, DOUBLE, VARCHAR[] …), rows go in through
// DuckDB's appender (node-connector.ts appendRows), and each file is written as `<name>.tmp` then renamed,
// so a reader never sees half a file.
// Snappy compression, not zstd: the browser also decodes these files with hyparquet, which reads snappy natively.

import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../ingest/pipeline.ts';
import type { CaseRow, DocumentRow, IndicatorRow, MetricRow, SimilarRow } from '../ingest/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { writeFileAtomic } from './atomic.ts';
import type { Logger } from './logger.ts';
import { openMemoryDatabase, type AppendColumn, type NodeDatabase } from './node-connector.ts';
import type { ExportHooks } from './publish.ts';

/** A column of the contract: a field of `Row`, its type, whether it may be null. */
export interface ColumnSpec<Row> extends AppendColumn {
  name: keyof Row & string;
}

export const DOCUMENT_COLUMNS: ColumnSpec<DocumentRow>[] = [
  { name: 'doc_id', type: 'VARCHAR' },
  { name: 'source_file', type: 'VARCHAR' },
  { name: 'province', type: 'VARCHAR', nullable: true },
  { name: 'title', type: 'VARCHAR', nullable: true },
  { name: 'issuer', type: 'VARCHAR', nullable: true },
  { name: 'year', type: 'INTEGER', nullable: true },
  { name: 'batch', type: 'INTEGER', nullable: true },
  { name: 'published', type: 'DATE', nullable: true },
  { name: 'source_url', type: 'VARCHAR', nullable: true },
  { name: 'script', type: 'VARCHAR' },
  { name: 'cases_listed', type: 'INTEGER' },
  { name: 'cases_parsed', type: 'INTEGER' },
];

export const CASE_COLUMNS: ColumnSpec<CaseRow>[] = [
  { name: 'case_id', type: 'VARCHAR' },
  { name: 'doc_id', type: 'VARCHAR' },
  { name: 'seq', type: 'INTEGER' },
  { name: 'province', type: 'VARCHAR', nullable: true },
  { name: 'city', type: 'VARCHAR', nullable: true },
  { name: 'county', type: 'VARCHAR', nullable: true },
  { name: 'level', type: 'VARCHAR' },
  { name: 'agency', type: 'VARCHAR', nullable: true },
  { name: 'title', type: 'VARCHAR' },
  { name: 'title_original', type: 'VARCHAR' },
  { name: 'indicator', type: 'VARCHAR' },
  { name: 'indicator_source', type: 'VARCHAR' },
  { name: 'indicator_alts', type: 'VARCHAR[]' },
  { name: 'indicator_evidence', type: 'VARCHAR[]' },
  { name: 'background', type: 'VARCHAR' },
  { name: 'measures', type: 'VARCHAR' },
  { name: 'outcomes', type: 'VARCHAR' },
  { name: 'body_original', type: 'VARCHAR' },
  { name: 'has_body', type: 'BOOLEAN' },
  { name: 'duplicate_of', type: 'VARCHAR', nullable: true },
  { name: 'flags', type: 'VARCHAR[]' },
  { name: 'year', type: 'INTEGER', nullable: true },
  { name: 'batch', type: 'INTEGER', nullable: true },
];

export const METRIC_COLUMNS: ColumnSpec<MetricRow>[] = [
  { name: 'metric_id', type: 'VARCHAR' },
  { name: 'case_id', type: 'VARCHAR' },
  { name: 'section', type: 'VARCHAR' },
  { name: 'text', type: 'VARCHAR' },
  { name: 'value', type: 'DOUBLE' },
  { name: 'unit', type: 'VARCHAR' },
  { name: 'kind', type: 'VARCHAR' },
  { name: 'value_norm', type: 'DOUBLE' },
  { name: 'unit_norm', type: 'VARCHAR' },
  { name: 'before_value', type: 'DOUBLE', nullable: true },
  { name: 'after_value', type: 'DOUBLE', nullable: true },
  { name: 'dimension', type: 'VARCHAR', nullable: true },
  { name: 'reduction_pct', type: 'DOUBLE', nullable: true },
];

export const INDICATOR_COLUMNS: ColumnSpec<IndicatorRow>[] = [
  { name: 'code', type: 'VARCHAR' },
  { name: 'name_zh', type: 'VARCHAR' },
  { name: 'name_en', type: 'VARCHAR' },
  { name: 'sort', type: 'INTEGER' },
];

export const SIMILAR_COLUMNS: ColumnSpec<SimilarRow>[] = [
  { name: 'case_id', type: 'VARCHAR' },
  { name: 'other_case_id', type: 'VARCHAR' },
  { name: 'score', type: 'DOUBLE' },
  { name: 'shared_terms', type: 'VARCHAR[]' },
  { name: 'strength', type: 'VARCHAR' },
  { name: 'mechanism_score', type: 'DOUBLE' },
  { name: 'same_indicator', type: 'BOOLEAN' },
  { name: 'title_terms', type: 'VARCHAR[]' },
  { name: 'shared_dimensions', type: 'VARCHAR[]' },
];

interface TableToWrite {
  table: string;
  file: string;
  columns: ColumnSpec<never>[];
  rows: object[];
}

function tablesOf(dataset: Dataset): TableToWrite[] {
  const t = <Row extends object>(table: string, columns: ColumnSpec<Row>[], rows: Row[]): TableToWrite => ({
    table,
    file: `${table}.parquet`,
    columns: columns as unknown as ColumnSpec<never>[],
    rows,
  });
  return [
    t('documents', DOCUMENT_COLUMNS, dataset.documents),
    t('cases', CASE_COLUMNS, dataset.cases),
    t('metrics', METRIC_COLUMNS, dataset.metrics),
    t('indicators', INDICATOR_COLUMNS, dataset.indicators),
    t('similar', SIMILAR_COLUMNS, dataset.similar),
  ];
}

/** Writes documents/cases/metrics/indicators/similar.parquet into outDir. Returns the files written. */
export async function writeParquetFiles(dataset: Dataset, outDir: string, logger: Logger, hooks: ExportHooks = {}): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const tables = tablesOf(dataset);
  const db = await openMemoryDatabase();
  const temporary: string[] = [];
  try {
    for (const spec of tables) {
      const target = path.join(outDir, spec.file);
      const tmp = `${target}.tmp`;
      temporary.push(tmp);
      await hooks.beforeWrite?.(spec.file);
      await loadTable(db, spec);
      await db.exec(`COPY ${ident(spec.table)} TO ${literal(tmp)} (FORMAT PARQUET, COMPRESSION SNAPPY)`);
      logger.info(`${spec.file}: ${spec.rows.length} rows`);
    }
    // All files written: only now replace the published ones, so a failure leaves the previous set intact.
    for (const spec of tables) {
      const target = path.join(outDir, spec.file);
      await rename(`${target}.tmp`, target);
    }
    return tables.map((spec) => path.join(outDir, spec.file));
  } finally {
    for (const tmp of temporary) await rm(tmp, { force: true });
    db.close();
  }
}

async function loadTable(db: NodeDatabase, spec: TableToWrite): Promise<void> {
  const columnsSql = spec.columns
    .map((c) => `${ident(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`)
    .join(', ');
  await db.exec(`CREATE OR REPLACE TABLE ${ident(spec.table)} (${columnsSql})`);
  await db.appendRows(spec.table, spec.columns, spec.rows);
}

/** Writes quality.json (or any JSON) atomically. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
