// A synthetic dataset of N cases in the Parquet contract, for the browser benchmark at 100k and 1M cases.
// Built from the real export (public/data/) with DuckDB in Node: case i is real case (i mod R) of copy
// b = ⌊i / R⌋, filed under another province (one of 31) and year, with ids suffixed `-s<b>`; its documents,
// figures (≈12 per case, as in the real data) and similar pairs are copied with it. So figures and value
// distributions are real, only the volume grows. Same columns and types as the real files.
// Each copy's texts are made its own (variedText), as real cases' texts are: 123 texts repeated would be stored
// once by DuckDB's dictionary compression, and a search's reads of the texts would be understated.
// Then, as the ETL does (src/export/index.ts), the browser's files beside them: dashboard.duckdb (the Parquet
// files copied table for table, what the app attaches over HTTP) and the views' snapshots (overview.json, view-*.json:
// computed over that file), so a cold load of synthetic data is measured as deployed — and never shows the
// corpus's snapshot over synthetic data (the server serves /data/ from this directory only).
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeDashboardDb } from '../../src/export/dashboard-db.ts';
import { silentLogger } from '../../src/export/logger.ts';
import { writeSnapshots } from '../../src/export/snapshots.ts';
import { attachSql, DASHBOARD_DB_FILE, DATA_FILES, PUBLISHED_TABLES, PUBLISHED_TABLES_SQL } from '../../src/sql/tables.ts';
import { literal } from '../../src/queries/sql.ts';
import { PROVINCES } from './synthetic-corpus.ts';
import { ROOT } from '../../tests/helpers/paths.ts';


/** A province's short name as texts write it (福建省 → 福建, 广西壮族自治区 → 广西), in SQL over `column`. */
const shortProvince = (column: string) => `regexp_replace(${column}, '(省|市|维吾尔自治区|回族自治区|壮族自治区|自治区)$', '')`;

/**
 * Copy c's version of real case s's text `column`: the real province's name replaced by the copy's, the digits
 * 3–9 permuted by the copy's own permutation (c.digits), and, for the long texts (`shuffle`), its sentences (split
 * on 。) in an order of the copy's own, the last piece kept last. Every phrase of the real text stays whole
 * (a search finds the same words, in the same share of cases), but no two copies' texts are alike.
 */
function variedText(column: string, shuffle: boolean): string {
  const placed = `translate(replace(s.${column}, ${shortProvince('s.province')}, ${shortProvince('c.province')}), '0123456789', c.digits)`;
  if (!shuffle) return placed;
  const parts = `string_split(${placed}, '。')`;
  return `array_to_string(list_transform(list_sort(list_transform(${parts},
      (part, i) -> {h: CASE WHEN i = len(${parts}) THEN 18446744073709551615::UBIGINT ELSE hash(c.b, i) END, part: part})),
    x -> x.part), '。')`;
}

export interface SyntheticSummary {
  cases: number;
  metrics: number;
  documents: number;
  similar: number;
  /** Size of dashboard.duckdb in bytes. */
  dbBytes: number;
  /** What had to be (re)written this time: [] when everything was reused from the cache. */
  written: ('parquet' | 'dashboard.duckdb' | 'snapshots')[];
}

/** The five Parquet files of the contract (src/sql/tables.ts DATA_FILES), without the extension. */
const PARQUET_TABLES = DATA_FILES.map((f) => f.file.replace(/\.parquet$/, ''));

const mtime = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** The module that writes dashboard.duckdb: it and what it imports decide the database's content. */
const DATABASE_WRITER = 'src/export/dashboard-db.ts';

/** Relative imports of a TypeScript module (static `from '…'` clauses), as paths from ROOT. */
function relativeImports(file: string): string[] {
  const dir = dirname(file);
  return [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\bfrom\s+'(\.{1,2}\/[^']+\.ts)'/g)].map((m) => join(dir, m[1]));
}

/** The database's writer and every module it reaches through its relative imports, as sorted paths from ROOT. */
export function databaseWriterModules(): string[] {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of relativeImports(file)) visit(imported);
  };
  visit(DATABASE_WRITER);
  return [...files].sort();
}

/**
 * What builds dashboard.duckdb from the Parquet files: the writer and the SQL of the tables, views and indexes it
 * imports. A cached database made by other code may lack a column or hold a summary grouped differently (same
 * table names): it is rebuilt. Code beside it in src/export (the Parquet and JSON writers, the snapshots) does not
 * make a 1M database stale — rebuilding one takes an hour.
 */
export function exportCodeHash(): string {
  const hash = createHash('sha256');
  for (const file of databaseWriterModules()) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex');
}

const codeHashFile = (dir: string) => join(dir, `${DASHBOARD_DB_FILE}.code-hash`);

/** dashboard.duckdb is usable when it is newer than the Parquet files, made by today's export code and has every table the app needs. */
async function dashboardDbCurrent(dir: string): Promise<boolean> {
  const file = join(dir, DASHBOARD_DB_FILE);
  if (mtime(file) <= Math.max(...PARQUET_TABLES.map((t) => mtime(join(dir, `${t}.parquet`))))) return false;
  if (!existsSync(codeHashFile(dir)) || readFileSync(codeHashFile(dir), 'utf8') !== exportCodeHash()) return false;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(attachSql(file));
    const present = new Set((await conn.runAndReadAll(PUBLISHED_TABLES_SQL)).getRows().map((r) => String(r[0])));
    return PUBLISHED_TABLES.every((t) => present.has(t.published));
  } catch {
    return false; // e.g. a half-written or foreign file
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * Write documents/cases/metrics/indicators/similar.parquet for `cases` cases into `outDir`, then
 * dashboard.duckdb and the views' snapshots from them. Each part but the snapshots is reused when already there and current
 * (a cache directory from before the DuckDB file existed gets just the missing files).
 */
export async function writeSyntheticParquet(sourceDir: string, outDir: string, cases: number): Promise<SyntheticSummary> {
  await mkdir(outDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const src = (name: string) => literal(join(sourceDir, `${name}.parquet`));
  const out = (name: string) => literal(join(outDir, `${name}.parquet`));
  const provinces = `[${PROVINCES.map((p) => literal(p)).join(', ')}]`;
  const written: SyntheticSummary['written'] = [];
  let summary: Pick<SyntheticSummary, 'cases' | 'metrics' | 'documents' | 'similar'>;
  try {
    if (!PARQUET_TABLES.every((t) => existsSync(join(outDir, `${t}.parquet`)))) {
      written.push('parquet');
      await conn.run(`CREATE TABLE src AS SELECT *, (row_number() OVER (ORDER BY case_id) - 1)::BIGINT AS k FROM read_parquet(${src('cases')})`);
      const r = Number((await conn.runAndReadAll('SELECT count(*) FROM src')).getRows()[0][0]);
      const copies = Math.ceil(cases / r);
      // Each copy's digit permutation, from a seed of its own (hash of b): deterministic, so a cache rebuilt is the
      // same. 0, 1 and 2 stay, so that years still read 2019–2029 (3–9 permuted: 5,040 permutations).
      await conn.run(`CREATE TABLE copies AS SELECT b::BIGINT AS b, ${provinces}[b % 31 + 1] AS province, (b // 31 % 4)::INTEGER AS year_shift,
          '012' || (SELECT string_agg(d::VARCHAR, '' ORDER BY hash(b, d)) FROM range(3, 10) t(d)) AS digits
        FROM range(0, ${copies}) t(b)`);
      await conn.run(`CREATE TABLE cases AS
        SELECT s.* EXCLUDE (k) REPLACE (
          s.case_id || '-s' || c.b AS case_id, s.doc_id || '-s' || c.b AS doc_id, c.province AS province,
          CASE WHEN s.duplicate_of IS NULL THEN NULL ELSE s.duplicate_of || '-s' || c.b END AS duplicate_of,
          s.year - c.year_shift AS year,
          ${variedText('title', false)} AS title, ${variedText('title_original', false)} AS title_original,
          ${variedText('background', true)} AS background, ${variedText('measures', true)} AS measures,
          ${variedText('outcomes', true)} AS outcomes)
        FROM copies c CROSS JOIN src s WHERE c.b * ${r} + s.k < ${cases} ORDER BY c.b, s.k`);
      // Copy b keeps a row when the real case it hangs on (index k) falls inside the first N cases.
      const keep = `c.b * ${r} + x.k < ${cases}`;
      await conn.run(`CREATE TABLE documents AS
        SELECT d.* REPLACE (d.doc_id || '-s' || c.b AS doc_id, c.province AS province, d.year - c.year_shift AS year)
        FROM copies c CROSS JOIN read_parquet(${src('documents')}) d
        JOIN (SELECT doc_id, min(k) AS k FROM src GROUP BY doc_id) x USING (doc_id) WHERE ${keep} ORDER BY c.b`);
      await conn.run(`CREATE TABLE metrics AS
        SELECT m.* REPLACE (m.metric_id || '-s' || c.b AS metric_id, m.case_id || '-s' || c.b AS case_id)
        FROM copies c CROSS JOIN read_parquet(${src('metrics')}) m JOIN src x USING (case_id) WHERE ${keep} ORDER BY c.b`);
      await conn.run(`CREATE TABLE "similar" AS
        SELECT p.* REPLACE (p.case_id || '-s' || c.b AS case_id, p.other_case_id || '-s' || c.b AS other_case_id)
        FROM copies c CROSS JOIN read_parquet(${src('similar')}) p
        JOIN (SELECT p.case_id, p.other_case_id, greatest(a.k, o.k) AS k FROM read_parquet(${src('similar')}) p
              JOIN src a ON a.case_id = p.case_id JOIN src o ON o.case_id = p.other_case_id) x
          ON x.case_id = p.case_id AND x.other_case_id = p.other_case_id
        WHERE ${keep}`);
      // SNAPPY as the real export (src/export/parquet.ts). Written under temporary names (DuckDB appends
      // .parquet) and renamed, cases.parquet last, so a half-written directory is never mistaken for a
      // finished one (and a directory missing any of the five files is rebuilt whole).
      await copyFile(join(sourceDir, 'indicators.parquet'), join(outDir, 'indicators.parquet'));
      if (existsSync(join(sourceDir, 'quality.json'))) await copyFile(join(sourceDir, 'quality.json'), join(outDir, 'quality.json'));
      const generated = ['documents', 'metrics', 'similar', 'cases'];
      for (const table of generated) await conn.run(`COPY "${table}" TO ${out(`${table}.tmp`)} (FORMAT PARQUET, COMPRESSION SNAPPY)`);
      for (const table of generated) await rename(join(outDir, `${table}.tmp.parquet`), join(outDir, `${table}.parquet`));
    }
    const count = async (name: string) => Number((await conn.runAndReadAll(`SELECT count(*) FROM read_parquet(${out(name)})`)).getRows()[0][0]);
    summary = { cases: await count('cases'), metrics: await count('metrics'), documents: await count('documents'), similar: await count('similar') };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  // The browser's files, as the ETL writes them (src/export/index.ts): the database, then the snapshot over it.
  if (!(await dashboardDbCurrent(outDir))) {
    written.push('dashboard.duckdb');
    await writeDashboardDb(outDir, silentLogger);
    writeFileSync(codeHashFile(outDir), exportCodeHash());
  }
  // Always rewritten (a few seconds even at 1M): what they hold follows the views' queries, which change often.
  written.push('snapshots');
  await writeSnapshots(outDir, silentLogger);
  return { ...summary, dbBytes: statSync(join(outDir, DASHBOARD_DB_FILE)).size, written };
}
