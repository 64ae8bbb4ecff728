// Which indicator the compare view shows cases for when none (or one without cases) is chosen.
import { UNCLASSIFIED } from '../../ingest/indicators.ts';
import type { Row } from '../../queries/types.ts';

/**
 * The chosen indicator if either province has cases of it; else the one both cover most; else the largest.
 * Unclassified cases (`other`) are shown when chosen, never picked by default while an indicator has cases.
 */
export function defaultIndicator(shares: Row[], chosen: string | null): string | null {
  const total = (r: Row) => Number(r.a_cases) + Number(r.b_cases);
  const anyCovered = shares.filter((r) => total(r) > 0);
  if (chosen && anyCovered.some((r) => r.indicator === chosen)) return chosen;
  const classified = anyCovered.filter((r) => r.indicator !== UNCLASSIFIED);
  const covered = classified.length > 0 ? classified : anyCovered;
  const both = covered.filter((r) => Number(r.a_cases) > 0 && Number(r.b_cases) > 0);
  const pool = both.length > 0 ? both : covered;
  let best: Row | null = null;
  for (const r of pool) if (!best || total(r) > total(best)) best = r;
  return best ? String(best.indicator) : null;
}
