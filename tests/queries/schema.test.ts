// The SQL console's schema panel queries, over dashboard.duckdb attached as the browser attaches it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesQuery, schemaQuery } from '../../src/queries/schema.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

describe('schema', () => {
  it('lists each view and table of the working database once, column by column, not the attached file', async () => {
    const rows = await db.all(schemaQuery());
    const keys = rows.map((r) => `${r.table_name}.${r.column_name}`);
    expect(new Set(keys).size).toBe(keys.length);
    const names = new Set(rows.map((r) => String(r.table_name)));
    for (const name of ['cases', 'documents', 'metrics', 'similar', 'indicators', 'base_cases', 'case_labels']) expect(names).toContain(name);
    const caseColumns = rows.filter((r) => r.table_name === 'cases').map((r) => r.column_name);
    const published = await db.all(`SELECT column_name FROM duckdb_columns() WHERE database_name = 'published' AND table_name = 'cases'`);
    // The cases view: every published column, plus what the workspace adds.
    expect(caseColumns).toEqual([...published.map((r) => r.column_name), 'imported', 'indicator_original']);
  });

  it('examples: the true row count, and a value for a column that has one', async () => {
    const columns = ['case_id', 'measures', 'duplicate_of'];
    const [row] = await db.all(examplesQuery('cases', columns));
    const [{ n }] = await db.all('SELECT count(*) AS n FROM cases');
    expect(row.__rows).toBe(n);
    expect(String(row.case_id)).toMatch(/^[a-z]{2}-\d{4}-/);
    expect(String(row.measures).length).toBeGreaterThan(0);
    expect(String(row.measures).length).toBeLessThanOrEqual(80);
  });
});
