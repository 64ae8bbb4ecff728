// The SQL console's schema panel queries, over dashboard.duckdb attached as the browser attaches it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesQuery, labelledCasesQuery, schemaQuery } from '../../src/queries/schema.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { expectDeclaredColumns } from './columns.ts';

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
    const workspace = ['imported', 'indicator_original', 'indicator_name_zh', 'indicator_name_en'];
    expect(caseColumns).toEqual([...published.map((r) => r.column_name), ...workspace]);
    const allColumns = rows.filter((r) => r.table_name === 'cases_all').map((r) => r.column_name);
    expect(allColumns).toEqual(caseColumns);
  });

  it('cases answers like the charts: reprints only in cases_all, indicator names one column away', async () => {
    const [{ all, dups }] = await db.all('SELECT count(*) AS all, count(duplicate_of) AS dups FROM cases_all');
    const [{ n, leaked }] = await db.all('SELECT count(*) AS n, count(duplicate_of) AS leaked FROM cases');
    expect(Number(dups)).toBeGreaterThan(0);
    expect(Number(leaked)).toBe(0);
    expect(Number(n)).toBe(Number(all) - Number(dups));
    // The naive console query equals the Overview's index (case_summary, what the heatmap counts).
    const naive = await db.all('SELECT province, indicator, count(*)::INTEGER AS n FROM cases GROUP BY ALL ORDER BY ALL');
    const charted = await db.all('SELECT province, indicator, sum(cases)::INTEGER AS n FROM case_summary GROUP BY ALL ORDER BY ALL');
    expect(naive).toEqual(charted);
    const [named] = await db.all("SELECT indicator, indicator_name_zh, indicator_name_en FROM cases c JOIN indicators i ON i.code = c.indicator WHERE i.name_zh = c.indicator_name_zh AND i.name_en = c.indicator_name_en LIMIT 1");
    expect(named).toBeDefined();
    const [{ unnamed }] = await db.all('SELECT count(*) AS unnamed FROM cases WHERE indicator IS NOT NULL AND indicator_name_zh IS NULL');
    expect(Number(unnamed)).toBe(0);
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

  it('the schema and the labelled cases return the columns their row types declare', async () => {
    await expectDeclaredColumns(db, schemaQuery());
    await expectDeclaredColumns(db, labelledCasesQuery([]));
  });

  it('labelled cases: the asked cases, with their titles, whatever the ids hold', async () => {
    const picked = await db.all<{ case_id: string; title: string }>('SELECT case_id, title FROM cases_all ORDER BY case_id DESC LIMIT 2');
    const rows = await db.all(labelledCasesQuery([...picked.map((r) => r.case_id), "x'); DROP TABLE cases; --"]));
    expect(rows.map((r) => [r.case_id, r.title])).toEqual(picked.map((r) => [r.case_id, r.title]).reverse());
  });
});
