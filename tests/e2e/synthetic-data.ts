// A synthetic dataset in the Parquet contract's shape, written with DuckDB in Node: for developing
// the dashboard before/without the ingest, and for load benchmarks at scale (e.g. 100k cases).
// Not used by the tests' assertions on real data. CLI: tsx tests/e2e/synthetic-data.ts <dir> [cases]
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDashboardDb } from '../../src/export/dashboard-db.ts';
import { silentLogger } from '../../src/export/logger.ts';
import { literal } from '../../src/sql/quote.ts';

export async function writeSyntheticData(dir: string, cases = 200): Promise<void> {
  await mkdir(dir, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const out = (name: string) => literal(join(dir, name));
  const codes = ['starting_business', 'electricity', 'tax', 'credit', 'insolvency', 'government_services', 'cross_border_trade', 'ip', 'leaders_walk_process'];
  const zh = ['开办企业', '获得电力', '纳税', '获得信贷', '办理破产', '政务服务', '跨境贸易', '知识产权创造、保护和运用', '一把手走流程'];
  const en = ['Starting a business', 'Getting electricity', 'Paying taxes', 'Getting credit', 'Insolvency', 'Government services', 'Cross-border trade', 'Intellectual property', 'Leaders walk the process'];
  await conn.run(`CREATE TABLE indicators AS SELECT unnest(['${codes.join("','")}']) AS code, unnest(['${zh.join("','")}']) AS name_zh,
    unnest(['${en.join("','")}']) AS name_en, CAST(unnest(range(1, ${codes.length + 1})) AS INTEGER) AS sort`);
  await conn.run(`CREATE TABLE documents AS SELECT * FROM (VALUES
    ('fj-2023-b2', 'a.txt', '福建省', '福建省第二批典型经验做法', '福建省优化营商环境工作推进小组办公室', 2023, 2, DATE '2023-12-04', 'traditional', 48, 48),
    ('fj-2025-b3', 'b.txt', '福建省', '福建省第三批典型经验做法', '福建省发展和改革委员会', 2025, 3, DATE '2025-12-09', 'simplified', 35, 35),
    ('sn-2022-b2', 'c.txt', '陕西省', '陕西省第二批典型经验做法', NULL, 2022, 2, DATE '2022-08-08', 'simplified', 36, 35)
  ) t(doc_id, source_file, province, title, issuer, year, batch, published, script, cases_listed, cases_parsed)`);
  await conn.run(`CREATE TABLE cases AS
    SELECT 'x-' || i AS case_id, d.doc_id, CAST(i AS INTEGER) AS seq, d.province,
      CASE WHEN i % 5 = 0 THEN NULL WHEN d.province = '福建省' THEN ['福州市','厦门市','泉州市','平潭综合实验区'][1 + i % 4] ELSE ['西安市','宝鸡市','杨凌示范区'][1 + i % 3] END AS city,
      CASE WHEN i % 7 = 0 AND i % 5 <> 0 THEN '某某区' ELSE NULL END AS county,
      CASE WHEN i % 5 = 0 THEN 'province' WHEN i % 7 = 0 THEN 'county' ELSE 'city' END AS level,
      NULL::VARCHAR AS agency, '案例标题 ' || i AS title, '案例標題 ' || i AS title_original,
      ['${codes.join("','")}'][1 + (i * 7) % ${codes.length}] AS indicator, 'classifier' AS indicator_source,
      []::VARCHAR[] AS indicator_alts, ['办理', '压缩']::VARCHAR[] AS indicator_evidence,
      '背景' AS background, '做法' AS measures, '成效：办理时间从5天压缩至1天' AS outcomes, '原文' AS body_original,
      i % 50 <> 3 AS has_body, NULL::VARCHAR AS duplicate_of,
      CASE WHEN i % 50 = 3 THEN ['missing_body'] ELSE []::VARCHAR[] END AS flags, d.year, d.batch
    FROM range(1, ${cases + 1}) r(i) JOIN documents d ON d.doc_id = ['fj-2023-b2','fj-2025-b3','sn-2022-b2'][1 + i % 3]`);
  await conn.run(`CREATE TABLE metrics AS SELECT case_id || '-m1' AS metric_id, case_id, 'outcomes' AS section, '从5天压缩至1天' AS text,
    1.0::DOUBLE AS value, '天' AS unit, 'duration' AS kind, 1.0::DOUBLE AS value_norm, '天' AS unit_norm, 5.0::DOUBLE AS before_value, 1.0::DOUBLE AS after_value FROM cases`);
  await conn.run(`CREATE TABLE "similar" AS SELECT a.case_id, b.case_id AS other_case_id, 0.5::DOUBLE AS score, ['压缩']::VARCHAR[] AS shared_terms,
    'related' AS strength, 0.4::DOUBLE AS mechanism_score, true AS same_indicator, []::VARCHAR[] AS title_terms, ['time']::VARCHAR[] AS shared_dimensions
    FROM cases a JOIN cases b ON a.indicator = b.indicator AND a.province <> b.province AND a.seq + 3 > b.seq AND b.seq > a.seq`);
  for (const table of ['indicators', 'documents', 'cases', 'metrics', 'similar']) {
    await conn.run(`COPY "${table}" TO ${out(`${table}.parquet`)} (FORMAT PARQUET, COMPRESSION SNAPPY)`);
  }
  await writeFile(join(dir, 'quality.json'), JSON.stringify({ synthetic: true, documents: [], flags: [] }, null, 2));
  conn.closeSync();
  instance.closeSync();
  await writeDashboardDb(dir, silentLogger);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? '/tmp/synthetic-data';
  await writeSyntheticData(dir, Number(process.argv[3] ?? 200));
  console.log(`synthetic dataset written to ${dir}`);
}
