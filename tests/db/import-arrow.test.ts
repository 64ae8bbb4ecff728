// Bulk insert of imported rows (Arrow → staging table → typed INSERT … SELECT) in DuckDB-wasm itself (its
// Node build, the same engine as the browser's): the rows read back are the rows the literal INSERTs give.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { insertRowsBulk } from '../../src/db/import-arrow.ts';
import { prepareImport } from '../../src/workspace/import-doc.ts';
import type { SqlColumn } from '../../src/sql/connector.ts';
import { insertRowsSql } from '../../src/sql/insert.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { madeUpDocument } from '../workspace/made-up-doc.ts';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');

let conn: { query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] }; insertArrowFromIPCStream(b: Uint8Array, o: object): void };
let data: DataDb;
beforeAll(async () => {
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs').replace(/[^/]+$/, '');
  const bundles = { mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: '' } };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  conn = db.connect();
  data = await openDataDb();
});
afterAll(() => data?.close());

const asyncConn = () => ({
  query: async (sql: string) => conn.query(sql),
  insertArrowFromIPCStream: async (buffer: Uint8Array, options: { name: string; create?: boolean }) => conn.insertArrowFromIPCStream(buffer, options),
});

test('bulk-inserted rows equal the rows literal INSERTs give, for every imported table', async () => {
  const doc = madeUpDocument();
  const { imported } = prepareImport([{ name: doc.name, bytes: doc.bytes }], { caseIds: [], docIds: [] });
  const d = imported[0];
  // Text that must survive as is: quotes, backslashes, a lone surrogate-free emoji, an empty list, a null.
  d.cases[0] = { ...d.cases[0], title: `it's "q" \\n 😀 ${d.cases[0].title}`, flags: [], county: null };
  const tables: [string, object[]][] = [
    ['documents', [d.document]],
    ['cases', d.cases],
    ['metrics', d.metrics],
    ['similar', d.similar.length > 0 ? d.similar : [{ case_id: 'a', other_case_id: 'b', score: 0.5, shared_terms: ['x', "y'"] }]],
  ];
  for (const [name, rows] of tables) {
    const columns: SqlColumn[] = (await data.all(`DESCRIBE imported_${name}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const ddl = columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
    conn.query(`CREATE TABLE lit_${name} (${ddl})`);
    conn.query(`CREATE TABLE bulk_${name} (${ddl})`);
    for (const sql of insertRowsSql(`lit_${name}`, columns, rows)) conn.query(sql);
    conn.query('BEGIN');
    await insertRowsBulk(asyncConn(), `bulk_${name}`, columns, rows);
    conn.query('COMMIT');
    const count = (sql: string) => Number(Object.values(conn.query(sql).toArray()[0].toJSON())[0]);
    expect(count(`SELECT count(*) FROM bulk_${name}`)).toBe(rows.length);
    expect(count(`SELECT count(*) FROM (SELECT * FROM lit_${name} EXCEPT ALL SELECT * FROM bulk_${name})`)).toBe(0);
    expect(count(`SELECT count(*) FROM (SELECT * FROM bulk_${name} EXCEPT ALL SELECT * FROM lit_${name})`)).toBe(0);
    // The staging table is gone.
    expect(count(`SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'staging_%'`)).toBe(0);
  }
});

test('a bulk insert is one Arrow stream and a fixed few statements, whatever the number of rows', async () => {
  const columns: SqlColumn[] = [
    { name: 'id', type: 'VARCHAR' },
    { name: 'n', type: 'INTEGER' },
  ];
  conn.query('CREATE TABLE many_rows (id VARCHAR, n INTEGER)');
  const calls = { streams: 0, statements: 0 };
  const counting = {
    query: async (sql: string) => {
      calls.statements++;
      return conn.query(sql);
    },
    insertArrowFromIPCStream: async (buffer: Uint8Array, options: { name: string; create?: boolean }) => {
      calls.streams++;
      return conn.insertArrowFromIPCStream(buffer, options);
    },
  };
  const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, n: i }));
  await insertRowsBulk(counting, 'many_rows', columns, rows);
  expect(Number(Object.values(conn.query('SELECT count(*) FROM many_rows').toArray()[0].toJSON())[0])).toBe(rows.length);
  expect(calls.streams).toBe(1);
  // Drop the staging table, insert from it, drop it: not one statement per row.
  expect(calls.statements).toBeLessThanOrEqual(3);
});
