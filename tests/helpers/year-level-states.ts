// The year / level states the rows kept in memory answer (no year or level, one year, one level, one year with one
// level), built from the corpus's own years and levels: what the read-ahead tests check every state of.
import type { Level } from '../../src/ingest/types.ts';
import type { Filters } from '../../src/state/filters.ts';
import type { DataDb } from './data-db.ts';

export interface YearsAndLevels {
  years: number[];
  levels: Level[];
}

/** The years and levels of the corpus's canonical cases, ascending. */
export async function yearsAndLevels(db: DataDb): Promise<YearsAndLevels> {
  const years = (await db.all('SELECT DISTINCT year FROM cases WHERE duplicate_of IS NULL AND year IS NOT NULL ORDER BY 1')).map((r) => Number(r.year));
  const levels = (await db.all('SELECT DISTINCT level FROM cases WHERE duplicate_of IS NULL AND level IS NOT NULL ORDER BY 1')).map((r) => r.level as Level);
  return { years, levels };
}

/** `base`, then `base` with each one year, each one level, each year with one level. */
export function yearLevelStates(base: Filters, { years, levels }: YearsAndLevels): Filters[] {
  return [
    base,
    ...years.map((y) => ({ ...base, years: [y] })),
    ...levels.map((l) => ({ ...base, levels: [l] })),
    ...years.flatMap((y) => levels.map((l) => ({ ...base, years: [y], levels: [l] }))),
  ];
}
