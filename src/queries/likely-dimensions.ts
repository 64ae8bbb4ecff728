// Which stored measures (indicator × dimension, measures-stored.ts) the panel reads ahead. The panel starts an
// indicator from the dimension pickDimension picks under the filters — time, where reported — so a year or a level in
// which the indicator has no time measures starts it from another (steps, documents…): reading only the dimension
// picked with no filter left that year or level asking its query (a year with one level on the corpus did).
import { pickDimension } from './measures.ts';
import { dimensionsFromSummary, measureCountsOf, type MeasureSummaryCountRow } from './view-summaries.ts';
import type { Level } from '../ingest/types.ts';
import type { Filters } from '../state/filters.ts';

export interface MeasureItem {
  indicator: string;
  dimension: string;
}

/**
 * For each of `indicators`, the dimension the panel starts from under `filters` with their years and levels replaced by:
 * none, each one year, each one level, each year with one level (the states the stored rows answer) — each pair once,
 * those of no year or level first (the likeliest), in the order of `indicators`.
 */
export function likelyDimensions(
  rows: (MeasureSummaryCountRow & { indicator?: string })[],
  indicators: readonly string[],
  filters: Filters,
  provinces?: string[],
): MeasureItem[] {
  const years = new Set<number>();
  const levels = new Set<Level>();
  for (const r of rows) {
    if (r.year !== null) years.add(r.year);
    if (r.level !== null) levels.add(r.level as Level);
  }
  const states: Pick<Filters, 'years' | 'levels'>[] = [
    { years: [], levels: [] },
    ...[...years].map((y) => ({ years: [y], levels: [] })),
    ...[...levels].map((l) => ({ years: [], levels: [l] })),
    ...[...years].flatMap((y) => [...levels].map((l) => ({ years: [y], levels: [l] }))),
  ];
  const ofIndicator = indicators.map((indicator) => ({ indicator, rows: measureCountsOf(rows, indicator) }));
  const items = new Map<string, MeasureItem>();
  for (const state of states) {
    for (const { indicator, rows: own } of ofIndicator) {
      const dimension = pickDimension(dimensionsFromSummary(own, { ...filters, ...state }, provinces), null);
      if (dimension !== null) items.set(`${indicator}\u0001${dimension}`, { indicator, dimension });
    }
  }
  return [...items.values()];
}
