// The search postings are exported in row groups larger than DuckDB's default (src/export/dashboard-db.ts
// POSTINGS_ROW_GROUP_SIZE), in a session of their own. DuckDB-wasm (its Node build: the browser's engine)
// opens the exported file as the browser does and finds, for terms of every length the postings answer, the
// same cases as Node's DuckDB, and the postings really lie in a row group larger than the default
// (tests/export/postings-row-groups.test.ts: the other tables keep theirs).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { POSTINGS_ROW_GROUP_SIZE } from '../../src/export/dashboard-db.ts';
import { searchCandidatesSql } from '../../src/sql/search-index.ts';
import { attachSql, DASHBOARD_DB_FILE, PUBLISHED_SCHEMA } from '../../src/sql/tables.ts';
import { literal } from '../../src/sql/quote.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { DATA_DIR } from '../helpers/paths.ts';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');

/** DuckDB's own row group size (the postings' is larger). */
const DEFAULT_ROW_GROUP_SIZE = 122_880;

type Rows = Record<string, unknown>[];
let wasm: (sql: string) => Rows;
let node: DataDb;

beforeAll(async () => {
  node = await openDataDb();
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs').replace(/[^/]+$/, '');
  const bundles = { mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' } };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  // The file's bytes under its name (the browser registers its URL instead: the same reader of the same storage).
  db.registerFileBuffer(DASHBOARD_DB_FILE, new Uint8Array(await readFile(path.join(DATA_DIR, DASHBOARD_DB_FILE))));
  const conn = db.connect();
  conn.query(attachSql());
  wasm = (sql) => conn.query(sql).toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());
});
afterAll(() => node?.close());

/** Row groups of an exported table and the rows of its largest, as stored. */
const rowGroupsSql = (table: string) => `SELECT count(DISTINCT row_group_id) AS groups, max(rows) AS largest FROM (
  SELECT row_group_id, sum(count) AS rows FROM pragma_storage_info(${literal(`${PUBLISHED_SCHEMA}.${table}`)}) WHERE column_path = '[0]' GROUP BY row_group_id)`;

test('the postings lie in row groups larger than the default', async () => {
  const [{ n }] = await node.all(`SELECT count(*) AS n FROM ${PUBLISHED_SCHEMA}.search_grams`);
  expect(Number(n)).toBeGreaterThan(DEFAULT_ROW_GROUP_SIZE); // the corpus' postings fill more than one default row group
  const [grams] = await node.all(rowGroupsSql('search_grams'));
  expect(Number(grams.largest)).toBeGreaterThan(DEFAULT_ROW_GROUP_SIZE);
  expect(Number(grams.largest)).toBeLessThanOrEqual(POSTINGS_ROW_GROUP_SIZE);
  // DuckDB-wasm reads the same storage.
  expect(wasm(rowGroupsSql('search_grams')).map((r) => [Number(r.groups), Number(r.largest)])).toEqual([[Number(grams.groups), Number(grams.largest)]]);
});

test('DuckDB-wasm finds the same cases through the postings as Node DuckDB', async () => {
  // Phrases of 1 to 6 characters of the corpus' own texts: frequent ones (many postings, spread over the table)
  // and the first characters of titles (every part of the sorted table).
  const phrases = await node.all(`SELECT p FROM (
      SELECT DISTINCT case_id, substring(measures, i, n) AS p FROM cases, range(1, 7) l(n), range(1, 200, 7) t(i)
      WHERE NOT imported AND length(measures) > 200)
    WHERE NOT regexp_matches(p, '\\s') GROUP BY p
    QUALIFY row_number() OVER (PARTITION BY length(p) ORDER BY count(*) DESC, p) <= 10`);
  const starts = await node.all(`SELECT DISTINCT substring(title, 1, n) AS p FROM cases, range(1, 6) t(n)
    WHERE NOT imported AND NOT regexp_matches(substring(title, 1, n), '\\s') ORDER BY p LIMIT 60`);
  const terms = [...phrases, ...starts].map((r) => String(r.p));
  expect(new Set(terms.map((t) => Array.from(t).length))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  let found = 0;
  for (const term of terms) {
    const sql = `SELECT key FROM (${searchCandidatesSql([term], `${PUBLISHED_SCHEMA}.search_chars`, `${PUBLISHED_SCHEMA}.search_grams`)}) ORDER BY key`;
    const expected = (await node.all(sql)).map((r) => Number(r.key));
    expect(wasm(sql).map((r) => Number(r.key)), term).toEqual(expected);
    found += expected.length;
  }
  expect(found).toBeGreaterThan(1000); // not vacuous: the terms found many cases
});
