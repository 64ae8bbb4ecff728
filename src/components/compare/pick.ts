// Which indicator the compare view shows cases for when none (or one without cases) is chosen.
import type { Row } from '../../queries/types.ts';

/** The chosen indicator if either province has cases of it; else the one both cover most; else the largest. */
export function defaultIndicator(shares: Row[], chosen: string | null): string | null {
  const total = (r: Row) => Number(r.a_cases) + Number(r.b_cases);
  const covered = shares.filter((r) => total(r) > 0);
  if (chosen && covered.some((r) => r.indicator === chosen)) return chosen;
  const both = covered.filter((r) => Number(r.a_cases) > 0 && Number(r.b_cases) > 0);
  const pool = both.length > 0 ? both : covered;
  let best: Row | null = null;
  for (const r of pool) if (!best || total(r) > total(best)) best = r;
  return best ? String(best.indicator) : null;
}
