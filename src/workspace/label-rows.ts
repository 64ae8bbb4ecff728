// The analyst's labels in the database, over any Connector (the browser's, or Node DuckDB in tests):
// which stored labels are valid, writing them into case_labels, merging a labels CSV.
import { INDICATORS } from '../ingest/indicators.ts';
import type { Connector } from '../sql/connector.ts';
import { changeWorkspace } from './change.ts';
import { parseLabelsCsv, type LabelCsvProblem } from './labels-csv.ts';
import { replaceLabelsSql, type LabelRow } from './workspace-sql.ts';

export const INDICATOR_CODES = new Set(INDICATORS.map((i) => i.code));

/** The stored labels that are still well-formed and name a known indicator (storage may hold anything). */
export function validLabels(stored: readonly LabelRow[]): LabelRow[] {
  return stored.filter((l) => l && typeof l.case_id === 'string' && INDICATOR_CODES.has(l.indicator) && typeof l.labelled_at === 'string');
}

/** Make case_labels hold exactly `labels` (the browser's store is the source of truth). */
export function writeLabels(conn: Connector, labels: readonly LabelRow[]): Promise<void> {
  return changeWorkspace(conn, replaceLabelsSql(labels));
}

export interface LabelCsvMerge {
  /** The labels after the merge (null when the CSV had no valid row: nothing changes). */
  next: LabelRow[] | null;
  applied: number;
  problems: LabelCsvProblem[];
}

/**
 * Merge a labels CSV into `current`: valid rows are applied (a case named again takes the new indicator),
 * bad rows are reported with their line and leave the existing labels as they were. Writes nothing.
 */
export async function mergeLabelsCsv(conn: Connector, current: readonly LabelRow[], text: string, now: string): Promise<LabelCsvMerge> {
  const ids = await conn.query<{ case_id: string }>('SELECT case_id FROM cases_all');
  const namesToCodes = new Map<string, string>();
  for (const i of INDICATORS) {
    namesToCodes.set(i.name_zh.toLowerCase(), i.code);
    namesToCodes.set(i.name_en.toLowerCase(), i.code);
  }
  const parsed = parseLabelsCsv(text, {
    caseIds: new Set(ids.map((r) => String(r.case_id))),
    indicatorCodes: INDICATOR_CODES,
    namesToCodes,
  });
  if (parsed.labels.length === 0) return { next: null, applied: 0, problems: parsed.problems };
  const incoming = new Map(parsed.labels.map((l) => [l.case_id, l.indicator]));
  const kept = current.filter((l) => !incoming.has(l.case_id));
  return { next: [...kept, ...parsed.labels.map((l) => ({ ...l, labelled_at: now }))], applied: parsed.labels.length, problems: parsed.problems };
}
