// The analyst's own labels: a case re-filed under another indicator. Kept in localStorage (the source of
// truth), mirrored into the case_labels table that the `cases` view overlays (sql/workspace-views.ts), so the
// change shows in every view as indicator_source = 'analyst'. Export / re-import as CSV (labels-csv.ts).
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { INDICATORS } from '../ingest/indicators.ts';
import { labelsToCsv, parseLabelsCsv, type LabelCsvProblem } from './labels-csv.ts';
import { localGet, localSet } from './persist.ts';
import { invalidateSql } from '../hooks/query-client.ts';
import { createStore } from './store.ts';
import { changeWorkspace, rows, workspaceConnection } from './connection.ts';
import { replaceLabelsSql, type LabelRow } from './workspace-sql.ts';

const STORAGE_KEY = 'yingshang-compare.labels.v1';

const labels = createStore<LabelRow[]>([]);

function publish(next: LabelRow[]): void {
  localSet(STORAGE_KEY, next);
  labels.set(next);
}

export function useLabels(): LabelRow[] {
  return labels.use();
}

const CODES = new Set(INDICATORS.map((i) => i.code));

/** On load: the stored labels into case_labels (called by restoreWorkspace before the app is ready). */
export async function restoreLabels(conn: AsyncDuckDBConnection): Promise<void> {
  const stored = localGet<LabelRow[]>(STORAGE_KEY, []).filter(
    (l) => l && typeof l.case_id === 'string' && CODES.has(l.indicator) && typeof l.labelled_at === 'string',
  );
  labels.set(stored);
  if (stored.length > 0) await changeWorkspace(conn, replaceLabelsSql(stored));
}

async function apply(next: LabelRow[]): Promise<void> {
  const conn = await workspaceConnection();
  await changeWorkspace(conn, replaceLabelsSql(next));
  publish(next);
  await invalidateSql();
}

/** File a case under `indicator`; null removes the analyst's label (back to the ingest's indicator). */
export async function setLabel(caseId: string, indicator: string | null): Promise<void> {
  if (indicator !== null && !CODES.has(indicator)) throw new Error(`unknown indicator code: ${indicator}`);
  const rest = labels.get().filter((l) => l.case_id !== caseId);
  await apply(indicator === null ? rest : [...rest, { case_id: caseId, indicator, labelled_at: new Date().toISOString() }]);
}

export async function clearLabels(): Promise<void> {
  await apply([]);
}

export function labelsCsv(): string {
  return labelsToCsv(labels.get());
}

export interface LabelImportResult {
  applied: number;
  problems: LabelCsvProblem[];
}

/**
 * Merge a labels CSV into the current labels: valid rows are applied (a case named again takes the new
 * indicator), bad rows are reported with their line and leave the existing labels as they were.
 */
export async function importLabelsCsv(text: string): Promise<LabelImportResult> {
  const conn = await workspaceConnection();
  const ids = await rows(conn, 'SELECT case_id FROM cases_all');
  const namesToCodes = new Map<string, string>();
  for (const i of INDICATORS) {
    namesToCodes.set(i.name_zh.toLowerCase(), i.code);
    namesToCodes.set(i.name_en.toLowerCase(), i.code);
  }
  const parsed = parseLabelsCsv(text, {
    caseIds: new Set(ids.map((r) => String(r.case_id))),
    indicatorCodes: CODES,
    namesToCodes,
  });
  if (parsed.labels.length > 0) {
    const now = new Date().toISOString();
    const incoming = new Map(parsed.labels.map((l) => [l.case_id, l.indicator]));
    const kept = labels.get().filter((l) => !incoming.has(l.case_id));
    await apply([...kept, ...parsed.labels.map((l) => ({ ...l, labelled_at: now }))]);
  }
  return { applied: parsed.labels.length, problems: parsed.problems };
}
