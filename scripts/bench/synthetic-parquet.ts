// A synthetic dataset of N cases in the Parquet contract, for the browser benchmark at 100k and 1M cases.
// Built from the real export (public/data/) with DuckDB in Node: case i is real case (i mod R) of copy
// b = ⌊i / R⌋, filed under another province (one of 31) and year, with ids suffixed `-s<b>`; its documents,
// figures (≈12 per case, as in the real data) and similar pairs are copied with it. So texts, figures and
// value distributions are real, only the volume grows. Same columns and types as the real files.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { PROVINCES } from './synthetic-corpus.ts';

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface SyntheticSummary {
  cases: number;
  metrics: number;
  documents: number;
  similar: number;
}

/** Write documents/cases/metrics/indicators/similar.parquet for `cases` cases into `outDir` (reused if already there). */
export async function writeSyntheticParquet(sourceDir: string, outDir: string, cases: number): Promise<SyntheticSummary> {
  await mkdir(outDir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const src = (name: string) => sqlString(join(sourceDir, `${name}.parquet`));
  const out = (name: string) => sqlString(join(outDir, `${name}.parquet`));
  const provinces = `[${PROVINCES.map(sqlString).join(', ')}]`;
  try {
    if (!existsSync(join(outDir, 'cases.parquet'))) {
      await conn.run(`CREATE TABLE src AS SELECT *, (row_number() OVER (ORDER BY case_id) - 1)::BIGINT AS k FROM read_parquet(${src('cases')})`);
      const r = Number((await conn.runAndReadAll('SELECT count(*) FROM src')).getRows()[0][0]);
      const copies = Math.ceil(cases / r);
      await conn.run(`CREATE TABLE copies AS SELECT b::BIGINT AS b, ${provinces}[b % 31 + 1] AS province, (b // 31 % 4)::INTEGER AS year_shift FROM range(0, ${copies}) t(b)`);
      await conn.run(`CREATE TABLE cases AS
        SELECT s.* EXCLUDE (k) REPLACE (
          s.case_id || '-s' || c.b AS case_id, s.doc_id || '-s' || c.b AS doc_id, c.province AS province,
          CASE WHEN s.duplicate_of IS NULL THEN NULL ELSE s.duplicate_of || '-s' || c.b END AS duplicate_of,
          s.year - c.year_shift AS year)
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
      // SNAPPY as the real export (hyparquet decodes it; ZSTD it does not). Written under temporary names
      // (DuckDB appends .parquet) and renamed, cases.parquet last, so a half-written
      // directory is never mistaken for a finished one.
      for (const table of ['documents', 'metrics', 'similar', 'cases']) {
        await conn.run(`COPY "${table}" TO ${out(`${table}.tmp`)} (FORMAT PARQUET, COMPRESSION SNAPPY)`);
      }
      for (const table of ['documents', 'metrics', 'similar', 'cases']) await rename(join(outDir, `${table}.tmp.parquet`), join(outDir, `${table}.parquet`));
      await copyFile(join(sourceDir, 'indicators.parquet'), join(outDir, 'indicators.parquet'));
      if (existsSync(join(sourceDir, 'quality.json'))) await copyFile(join(sourceDir, 'quality.json'), join(outDir, 'quality.json'));
    }
    const count = async (name: string) => Number((await conn.runAndReadAll(`SELECT count(*) FROM read_parquet(${out(name)})`)).getRows()[0][0]);
    return { cases: await count('cases'), metrics: await count('metrics'), documents: await count('documents'), similar: await count('similar') };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
