// Data-view queries on the real export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILES, publicTableName } from '../../src/sql/tables.ts';
import { documentsQuery, tableCountsQuery, taxonomyQuery, wholeTableQuery } from '../../src/queries/data.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { expectDeclaredColumns } from './columns.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

describe('data view queries', () => {
  it('documents: every listed case has a row; the ones with a body are the parsed ones', async () => {
    const rows = await db.all(documentsQuery().sql);
    const [docs] = await db.all('SELECT count(*) AS n FROM documents');
    expect(rows.length).toBe(docs.n);
    for (const r of rows) {
      expect(r.cases_with_body, String(r.doc_id)).toBe(r.cases_parsed);
      expect(Number(r.cases_in_table), String(r.doc_id)).toBeGreaterThanOrEqual(Number(r.cases_parsed));
    }
  });

  it('taxonomy counts add up to the non-duplicate cases', async () => {
    const rows = await db.all(taxonomyQuery().sql);
    const [n] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
    expect(rows.reduce((s, r) => s + Number(r.cases), 0)).toBe(n.n);
  });

  it('every table can be read whole (similar is a keyword: quoted) and counted', async () => {
    const tables = DATA_FILES.map(publicTableName);
    const counts = await db.all(tableCountsQuery(tables).sql);
    expect(counts.map((r) => r.table)).toEqual(tables);
    for (const table of tables) {
      await db.explain(wholeTableQuery(table).sql);
      const rows = await db.all(`SELECT count(*) AS n FROM (${wholeTableQuery(table).sql})`);
      expect(rows[0].n).toBe(counts.find((r) => r.table === table)!.n);
    }
  });

  it('documents, taxonomy and table counts return the columns their row types declare', async () => {
    await expectDeclaredColumns(db, documentsQuery());
    await expectDeclaredColumns(db, taxonomyQuery());
    await expectDeclaredColumns(db, tableCountsQuery(DATA_FILES.map(publicTableName)));
  });
});
