// Which indicator the compare view shows cases for when none (or one without cases) is chosen.
import { UNCLASSIFIED } from '../../ingest/indicators.ts';
import type { CompareShareRow } from '../../queries/compare.ts';

/** What the choice reads of a share row. */
type Coverage = Pick<CompareShareRow, 'indicator' | 'a_cases' | 'b_cases'>;

/**
 * The chosen indicator if either province has cases of it; else the one both cover most; else the largest.
 * Unclassified cases (`other`) are shown when chosen, never picked by default while an indicator has cases.
 */
export function defaultIndicator(shares: Coverage[], chosen: string | null): string | null {
  const total = (r: Coverage) => r.a_cases + r.b_cases;
  const anyCovered = shares.filter((r) => total(r) > 0);
  if (chosen && anyCovered.some((r) => r.indicator === chosen)) return chosen;
  const classified = anyCovered.filter((r) => r.indicator !== UNCLASSIFIED);
  const covered = classified.length > 0 ? classified : anyCovered;
  const both = covered.filter((r) => r.a_cases > 0 && r.b_cases > 0);
  const pool = both.length > 0 ? both : covered;
  let best: Coverage | null = null;
  for (const r of pool) if (!best || total(r) > total(best)) best = r;
  return best ? best.indicator : null;
}
