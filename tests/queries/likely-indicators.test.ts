// The indicators Compare reads ahead for (src/queries/likely-indicators.ts): exactly those it shows under each
// year / level state (no filter, one year, one level, one year with one level), as its rule picks them from the
// shares compareShares answers in SQL for that state — on the corpus, for several province pairs either way round,
// with and without a chosen indicator. None when the filter bar names an indicator, a city or a batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareShares, defaultIndicator } from '../../src/queries/compare.ts';
import { caseSummaryRowsOf } from '../../src/queries/view-summaries.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { likelyIndicators } from '../../src/queries/likely-indicators.ts';
import { commonestFilterValues } from '../helpers/commonest.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { yearLevelStates, yearsAndLevels, type YearsAndLevels } from '../helpers/year-level-states.ts';
import type { CompareShareRow } from '../../src/queries/compare.ts';

let db: DataDb;
let pairs: [string, string][];
let corpus: YearsAndLevels;

beforeAll(async () => {
  db = await openDataDb();
  const { provinces } = await commonestFilterValues(db, 3);
  const [p0, p1 = p0, p2 = p1] = provinces.map(String);
  // Either way round, the same province twice, and one the corpus may not hold (no cases: no indicator shown).
  pairs = [[p0, p1], [p1, p0], [p0, p0], [p2, 'no_such_province']];
  corpus = await yearsAndLevels(db);
});
afterAll(() => db?.close());

/** The indicator the view shows under `filters`, from compareShares' SQL answer. */
async function shown(filters: Filters, a: string, b: string, chosen: string | null): Promise<string | null> {
  return defaultIndicator((await db.all(compareShares({ filters, a, b }))) as CompareShareRow[], chosen);
}

describe('likelyIndicators', () => {
  it('lists each indicator a year or level state shows, and no other, the unfiltered one first', async () => {
    let distinct = 0;
    for (const [a, b] of pairs) {
      const rows = await db.all(caseSummaryRowsOf([a, b]));
      for (const chosen of [null, 'no_such_indicator']) {
        // The filter bar's provinces do not apply to Compare: they change nothing.
        for (const base of [EMPTY_FILTERS, { ...EMPTY_FILTERS, provinces: [a] }]) {
          const states = yearLevelStates(base, corpus);
          const expected = new Set<string>();
          for (const f of states) {
            const s = await shown(f, a, b, chosen);
            if (s !== null) expected.add(s);
          }
          // Asked from any of the states, the same list.
          for (const from of [base, states[1], states.at(-1)!]) {
            const likely = likelyIndicators(rows, from, a, b, chosen);
            const what = `${a} ${b} ${chosen} ${JSON.stringify(from)}`;
            expect(new Set(likely), what).toEqual(expected);
            expect(likely).toHaveLength(expected.size);
            expect(likely[0], what).toBe(await shown(base, a, b, chosen));
          }
          distinct = Math.max(distinct, expected.size);
        }
      }
      // A chosen indicator the provinces cover is shown wherever they have cases of it.
      const [top] = likelyIndicators(rows, EMPTY_FILTERS, a, b, null);
      if (top !== undefined) expect(likelyIndicators(rows, EMPTY_FILTERS, a, b, top)[0]).toBe(top);
    }
    // Not vacuous: some year or level shows another indicator than no filter does.
    expect(distinct).toBeGreaterThan(1);
  });

  it('is empty when the filter bar names an indicator, a city or a batch', async () => {
    const [a, b] = pairs[0];
    const rows = await db.all(caseSummaryRowsOf([a, b]));
    const [city] = (await db.all(`SELECT city FROM cases WHERE duplicate_of IS NULL AND city IS NOT NULL LIMIT 1`)).map((r) => String(r.city));
    const [batch] = (await db.all(`SELECT batch FROM cases WHERE duplicate_of IS NULL AND batch IS NOT NULL LIMIT 1`)).map((r) => Number(r.batch));
    expect(likelyIndicators(rows, EMPTY_FILTERS, a, b, null).length).toBeGreaterThan(0);
    for (const f of [{ indicators: ['credit'] }, { cities: [city] }, { batches: [batch] }]) {
      expect(likelyIndicators(rows, { ...EMPTY_FILTERS, ...f }, a, b, null), JSON.stringify(f)).toEqual([]);
    }
  });
});
