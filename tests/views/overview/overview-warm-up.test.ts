// The Overview's warm-up (src/views/overview/overview-warm-up.ts) draws, off the page, each chart's rows of one
// province and of one indicator, commonest first, each followed by all of them: the rows the chart shows under that
// filter (on the real export), so the code warmed is the code a filter change runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byIndicatorQuery, byLevelQuery, type ByIndicatorRow, type ByLevelRow } from '../../../src/queries/overview.ts';
import { EMPTY_FILTERS } from '../../../src/state/filters.ts';
import { rowVariants } from '../../../src/views/overview/overview-warm-up.ts';
import { openDataDb, type DataDb } from '../../helpers/data-db.ts';

let db: DataDb;
let byIndicator: ByIndicatorRow[];
let byLevel: ByLevelRow[];

beforeAll(async () => {
  db = await openDataDb();
  byIndicator = await db.all(byIndicatorQuery(EMPTY_FILTERS));
  byLevel = await db.all(byLevelQuery(EMPTY_FILTERS));
});
afterAll(() => db.close());

/** Values by key, most cases first (the rows' own counts). */
const commonest = <R extends { cases: number }>(rows: R[], key: (r: R) => string | null) => {
  const totals = new Map<string | null, number>();
  for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + Number(r.cases));
  return [...totals].sort((a, b) => b[1] - a[1]).map(([k]) => k);
};

describe('rowVariants', () => {
  it('gives the rows under one province, all rows, the rows under one indicator, all rows, … as the queries answer them', async () => {
    const variants = rowVariants(byIndicator, 40);
    const provinces = commonest(byIndicator, (r) => r.province);
    const indicators = commonest(byIndicator, (r) => r.indicator);
    expect(variants.length).toBe(Math.min(40, 2 * provinces.length + 2 * indicators.length));
    expect(variants[0]).toEqual(await db.all(byIndicatorQuery({ ...EMPTY_FILTERS, provinces: [provinces[0]!] })));
    expect(variants[1]).toEqual(byIndicator);
    expect(variants[2]).toEqual(await db.all(byIndicatorQuery({ ...EMPTY_FILTERS, indicators: [indicators[0]!] })));
    expect(variants[3]).toEqual(byIndicator);
    if (provinces.length > 1) expect(variants[4]).toEqual(await db.all(byIndicatorQuery({ ...EMPTY_FILTERS, provinces: [provinces[1]!] })));
  });

  it('rows without an indicator vary by province only, and never beyond the count asked', async () => {
    const provinces = commonest(byLevel, (r) => r.province);
    const variants = rowVariants(byLevel, 3);
    expect(variants).toHaveLength(Math.min(3, 2 * provinces.length));
    expect(variants[0]).toEqual(await db.all(byLevelQuery({ ...EMPTY_FILTERS, provinces: [provinces[0]!] })));
    expect(variants[1]).toEqual(byLevel);
    expect(rowVariants(byLevel, 100)).toHaveLength(2 * provinces.length);
  });
});
