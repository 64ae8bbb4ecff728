// The analyst's own labels: a case re-filed under another indicator. Kept in localStorage (the source of
// truth), mirrored into the case_labels table that the `cases` view overlays (sql/workspace-views.ts), so the
// change shows in every view as indicator_source = 'analyst'. Export / re-import as CSV (labels-csv.ts).
import { invalidateSql } from '../hooks/query-client.ts';
import type { Connector } from '../sql/connector.ts';
import { workspaceConnection } from './connection.ts';
import { INDICATOR_CODES, mergeLabelsCsv, validLabels, writeLabels } from './label-rows.ts';
import { labelsToCsv, type LabelCsvProblem } from './labels-csv.ts';
import { LABELS_KEY, localGet, localSet } from './persist.ts';
import { createStore } from './store.ts';
import type { LabelRow } from './workspace-sql.ts';

const labels = createStore<LabelRow[]>([]);

function publish(next: LabelRow[]): void {
  localSet(LABELS_KEY, next);
  labels.set(next);
}

export function useLabels(): LabelRow[] {
  return labels.use();
}

/** On load: the stored labels into case_labels (called by restoreWorkspace before the app is ready). */
export async function restoreLabels(conn: Connector): Promise<void> {
  const stored = validLabels(localGet<LabelRow[]>(LABELS_KEY, []));
  labels.set(stored);
  if (stored.length > 0) await writeLabels(conn, stored);
}

async function apply(next: LabelRow[]): Promise<void> {
  await writeLabels(await workspaceConnection(), next);
  publish(next);
  await invalidateSql();
}

/** File a case under `indicator`; null removes the analyst's label (back to the ingest's indicator). */
export async function setLabel(caseId: string, indicator: string | null): Promise<void> {
  if (indicator !== null && !INDICATOR_CODES.has(indicator)) throw new Error(`unknown indicator code: ${indicator}`);
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
  const merged = await mergeLabelsCsv(await workspaceConnection(), labels.get(), text, new Date().toISOString());
  if (merged.next) await apply(merged.next);
  return { applied: merged.applied, problems: merged.problems };
}
