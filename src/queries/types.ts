// A named query: the SQL text is also its cache key (TanStack Query) and what the "SQL" button shows.
export interface NamedQuery {
  /** Stable id, e.g. 'overview.heatmap'; used in file names of downloads. */
  id: string;
  sql: string;
}

export type Row = Record<string, unknown>;
