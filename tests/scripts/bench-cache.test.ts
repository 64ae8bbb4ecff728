// The bench's cached databases are rebuilt when the code that writes them changes, and only then: a 1M database
// takes an hour to write, so a change to the Parquet or JSON writers beside it must not throw it away.
import { describe, expect, it } from 'vitest';
import { databaseWriterModules } from '../../scripts/bench/synthetic-parquet.ts';

describe('the bench cache stamp of dashboard.duckdb', () => {
  const modules = databaseWriterModules();

  it('covers the writer and the SQL of every table, view and index it writes', () => {
    for (const file of ['src/export/dashboard-db.ts', 'src/sql/tables.ts', 'src/sql/indexes.ts', 'src/sql/search-index.ts', 'src/sql/workspace-views.ts', 'src/sql/quote.ts'])
      expect(modules).toContain(file);
  });

  it('leaves out the export code that does not write the database', () => {
    for (const file of ['src/export/parquet.ts', 'src/export/snapshots.ts', 'src/export/index.ts', 'src/export/publish.ts']) expect(modules).not.toContain(file);
  });
});
