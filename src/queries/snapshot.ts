// Saved answers: a view's queries in its default URL state, run at export over the published tables and saved
// with their SQL text (src/export/snapshots.ts), so the browser draws the view before DuckDB-wasm has started
// (hooks/useSnapshotSql.ts). One file per view (the Indicator view: one per indicator, as the URL may name any),
// each small enough to be fetched on the view's critical path.
import { INDICATOR_CODES } from '../ingest/indicators.ts';
import type { AppState, Filters } from '../state/filters.ts';
import { chosenIndicator } from '../state/url-state.ts';
import type { Row } from './types.ts';

/** One saved query: its id (for people), its exact SQL text (the key) and the rows DuckDB answered. */
export interface SavedQuery {
  id: string;
  sql: string;
  rows: Row[];
}

/** A snapshot file's content. */
export interface Snapshot {
  /** The stamp of the dashboard.duckdb the answers were computed from (src/sql/tables.ts); absent in older files. */
  stamp?: string;
  queries: SavedQuery[];
}

/** The Overview's (the landing view's) file. */
export const OVERVIEW_SNAPSHOT_FILE = 'overview.json';

/** The other views' files (the Indicator view's per-indicator files: indicatorSnapshotFile). */
export const VIEW_SNAPSHOT_FILES = {
  cases: 'view-cases.json',
  compare: 'view-compare.json',
  data: 'view-data.json',
  /** The Indicator view's indicator list (case counts per indicator and province). */
  indicator: 'view-indicator.json',
} as const;

/**
 * The Cases list's read ahead (each level/year cell's first cases), fetched once the view has answered: kept out of
 * view-cases.json, which the view's first drawing waits for (at 100k cases it is ~20 times that file).
 */
export const CASES_READ_AHEAD_FILE = 'view-cases-ahead.json';

/**
 * Compare's reads ahead of one indicator for the default provinces with no filter: its kept rows (compare-kept.ts) and
 * its measures panel's stored rows of each dimension a year or level state starts it from — for the indicator the view
 * shows and those a year or level change would show (likely-indicators.ts); another indicator's file holds no query.
 * One file per indicator, fetched when the read ahead reaches it (at 100k synthetic cases up to 2 MB each, several
 * times view-compare.json). Null for a code outside the taxonomy.
 */
export function compareAheadFile(code: string): string | null {
  return INDICATOR_CODES.includes(code) ? `view-compare-ahead-${code}.json` : null;
}

/** The Indicator view's answers about one indicator; null for a code outside the taxonomy (a typed URL). */
export function indicatorSnapshotFile(code: string): string | null {
  return INDICATOR_CODES.includes(code) ? `view-indicator-${code}.json` : null;
}

/**
 * The Indicator view's read ahead for one indicator (each cell's largest figures and first cases), fetched once the
 * view has answered: kept out of the indicator's file, which the view's first drawing waits for. Null as
 * indicatorSnapshotFile.
 */
export function indicatorReadAheadFile(code: string): string | null {
  return INDICATOR_CODES.includes(code) ? `view-indicator-${code}-ahead.json` : null;
}

/**
 * The Indicator view's measures panel's first stored rows for one indicator (measures-stored.ts: every year and level
 * scope of the dimension it starts from), read once the panel has answered. A file of its own: at national scale
 * they are several MB of JSON for the largest indicators (thousands of phrases), which would hold up the read-ahead
 * file's figures and cases that every year or level change needs. Null as indicatorSnapshotFile.
 */
export function indicatorMeasuresFile(code: string): string | null {
  return INDICATOR_CODES.includes(code) ? `view-indicator-${code}-measures.json` : null;
}

/** Every snapshot file an export writes, in the order it writes them. */
export const SNAPSHOT_FILES: readonly string[] = [
  OVERVIEW_SNAPSHOT_FILE,
  ...Object.values(VIEW_SNAPSHOT_FILES),
  CASES_READ_AHEAD_FILE,
  ...INDICATOR_CODES.map((code) => compareAheadFile(code)!),
  ...INDICATOR_CODES.flatMap((code) => [indicatorSnapshotFile(code)!, indicatorReadAheadFile(code)!, indicatorMeasuresFile(code)!]),
];

/** Saved answers are of the views with no filter: a filtered state looks none up. */
export function unfiltered(filters: Filters): boolean {
  return Object.values(filters).every((values: readonly unknown[]) => values.length === 0);
}

/**
 * The files the views read first in `state` (the views name them to their data hooks themselves; the page
 * fetches these at start-up, alongside the view's code: main.tsx).
 */
export function firstSnapshotFiles(state: AppState): string[] {
  if (!unfiltered(state.filters)) return [];
  switch (state.view) {
    case 'overview':
      return [OVERVIEW_SNAPSHOT_FILE];
    case 'cases':
      return state.search.trim() === '' ? [VIEW_SNAPSHOT_FILES.cases] : [];
    case 'compare':
      return [VIEW_SNAPSHOT_FILES.compare];
    case 'data':
      return [VIEW_SNAPSHOT_FILES.data];
    case 'indicator': {
      const chosen = chosenIndicator(state);
      const file = chosen === null ? null : indicatorSnapshotFile(chosen);
      return file ? [VIEW_SNAPSHOT_FILES.indicator, file] : [VIEW_SNAPSHOT_FILES.indicator];
    }
    default:
      return [];
  }
}
