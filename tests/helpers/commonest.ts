// The corpus's commonest values of a case column: what the query tests build their filter states from (real
// values, whatever the corpus holds), most cases first, ties by value so that every run picks the same.
import type { Level } from '../../src/ingest/types.ts';
import type { DataDb } from './data-db.ts';

export type CaseColumn = 'province' | 'indicator' | 'city' | 'level' | 'year' | 'batch';

export async function commonest(db: DataDb, column: CaseColumn, n: number): Promise<unknown[]> {
  const rows = await db.all(`SELECT ${column} AS v FROM cases WHERE duplicate_of IS NULL AND ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${n}`);
  return rows.map((r) => r.v);
}

/** The `n` commonest values of each filter-bar column, and `level(i)`: the i-th commonest level (the first if fewer). */
export async function commonestFilterValues(db: DataDb, n: number) {
  const columns: CaseColumn[] = ['province', 'indicator', 'city', 'level', 'year', 'batch'];
  const [provinces, indicators, cities, levels, years, batches] = await Promise.all(columns.map((column) => commonest(db, column, n)));
  const level = (i: number) => String(levels[i] ?? levels[0]) as Level;
  return { provinces, indicators, cities, levels, years, batches, level };
}
