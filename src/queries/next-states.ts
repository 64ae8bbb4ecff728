// The year and level states a next filter change likely picks, from the rows of a summary the view holds: what the
// rows kept in memory answer (a year, a level, both), so what the views read ahead for and warm their charts with.
import type { Level } from '../ingest/types.ts';
import type { Filters } from '../state/filters.ts';

/** None, each one year (latest first), each one level, each year with one level — of the years and levels in `rows`. */
export function yearAndLevelStatesOf(rows: Iterable<{ year: number | null; level: string | null }>): Pick<Filters, 'years' | 'levels'>[] {
  const years = new Set<number>();
  const levels = new Set<Level>();
  for (const r of rows) {
    if (r.year !== null) years.add(r.year);
    if (r.level !== null) levels.add(r.level as Level);
  }
  const byYear = [...years].sort((x, y) => y - x);
  return [
    { years: [], levels: [] },
    ...byYear.map((y) => ({ years: [y], levels: [] })),
    ...[...levels].map((l) => ({ years: [], levels: [l] })),
    ...byYear.flatMap((y) => [...levels].map((l) => ({ years: [y], levels: [l] }))),
  ];
}
