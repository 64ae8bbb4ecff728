// A named query: the SQL text is also its cache key (TanStack Query) and what the "SQL" button shows.

/** A result row as plain JS (see db/arrow-rows.ts): the type of a query that declares none. */
export type Row = Record<string, unknown>;

/**
 * `R` is the row the SQL returns. A query that declares it lists its `columns`, in order, and the query
 * tests check the SQL returns exactly those (tests/queries/columns.ts), so the type cannot drift from the SQL.
 * Row types are `type` aliases (not interfaces), so typed rows still fit code that takes plain `Row`s.
 */
export interface NamedQuery<R extends object = Row> {
  /** Stable id, e.g. 'overview.heatmap'; used in file names of downloads. */
  id: string;
  sql: string;
  /** The columns of `R`, in the order the SQL returns them. */
  columns?: readonly string[];
  /** Type only (never set): ties the row type to the query, so useSql(query) knows its rows. */
  readonly __row?: R;
}

/** A row of a wider answer (one request for two queries) cut to another query's declared columns, in its order. */
export function pickColumns<R extends object>(row: object, columns: readonly (keyof R)[]): R {
  // A loop, not Object.fromEntries(columns.map(…)): no [key, value] pair made per value — a third of the time for
  // the thousands of rows a read kept in memory is split into (compare-kept.ts).
  const picked = {} as R;
  for (const c of columns) picked[c] = (row as R)[c];
  return picked;
}
