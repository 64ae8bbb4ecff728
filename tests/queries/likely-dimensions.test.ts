// The stored measures the panel reads ahead (src/queries/likely-dimensions.ts): for each indicator, exactly the
// dimensions it starts from under each year / level state (no filter, one year, one level, one year with one level),
// as the panel picks them from measureDimensions' SQL answer for that state — on the corpus, for Compare's province
// pairs either way round — those of no year or level first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likelyDimensions } from '../../src/queries/likely-dimensions.ts';
import { measureDimensions, pickDimension, type MeasureDimensionRow } from '../../src/queries/measures.ts';
import { measureSummaryRowsOf } from '../../src/queries/view-summaries.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { commonestFilterValues } from '../helpers/commonest.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { yearLevelStates, yearsAndLevels, type YearsAndLevels } from '../helpers/year-level-states.ts';

let db: DataDb;
let pairs: [string, string][];
let corpus: YearsAndLevels;

beforeAll(async () => {
  db = await openDataDb();
  const { provinces } = await commonestFilterValues(db, 2);
  const [p0, p1 = p0] = provinces.map(String);
  pairs = [[p0, p1], [p1, p0]];
  corpus = await yearsAndLevels(db);
});
afterAll(() => db?.close());

describe('likelyDimensions', () => {
  it('lists each dimension a year or level state starts an indicator from, and no other, those of no year or level first', async () => {
    let beyondUnfiltered = 0;
    for (const [a, b] of pairs) {
      const provinces = [a, b];
      const rows = await db.all(measureSummaryRowsOf(provinces));
      const indicators = [...new Set(rows.map((r) => String(r.indicator)))].sort();
      const states = yearLevelStates(EMPTY_FILTERS, corpus);
      const startFrom = async (filters: Filters, indicator: string) =>
        pickDimension((await db.all(measureDimensions({ filters, indicator, provinces }))) as MeasureDimensionRow[], null);
      const unfiltered = new Set<string>();
      const expected = new Set<string>();
      for (const indicator of indicators) {
        const first = await startFrom(EMPTY_FILTERS, indicator);
        if (first !== null) unfiltered.add(`${indicator} ${first}`);
        for (const f of states) {
          const d = await startFrom(f, indicator);
          if (d !== null) expected.add(`${indicator} ${d}`);
        }
      }
      // Asked from any of the states, the same list.
      for (const from of [EMPTY_FILTERS, states[1], states.at(-1)!]) {
        const listed = likelyDimensions(rows, indicators, from, provinces).map((x) => `${x.indicator} ${x.dimension}`);
        expect(new Set(listed), `${a} ${b} ${JSON.stringify(from)}`).toEqual(expected);
        expect(listed).toHaveLength(expected.size);
        expect(new Set(listed.slice(0, unfiltered.size))).toEqual(unfiltered);
      }
      beyondUnfiltered += expected.size - unfiltered.size;
    }
    // Not vacuous: some year or level starts an indicator from another dimension than no filter does.
    expect(beyondUnfiltered).toBeGreaterThan(0);
  });
});
