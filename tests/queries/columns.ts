// A query that declares its row type (NamedQuery<R>) lists R's columns: DuckDB's own DESCRIBE of the SQL
// must give exactly those names, in that order, so the type in the code cannot drift from the SQL.
import { expect } from 'vitest';
import type { NamedQuery } from '../../src/queries/types.ts';
import type { DataDb } from '../helpers/data-db.ts';

export async function expectDeclaredColumns(db: DataDb, query: NamedQuery<object>): Promise<void> {
  expect(query.columns, `${query.id} declares no columns`).toBeDefined();
  const described = await db.all(`DESCRIBE ${query.sql}`);
  expect(described.map((r) => String(r.column_name)), query.id).toEqual(query.columns);
}
