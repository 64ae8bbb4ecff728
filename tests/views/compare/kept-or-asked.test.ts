// Which rows Compare's case columns and pairs table draw (src/views/compare/kept-or-asked.ts): the rows kept in
// memory, else the query's answer, else (while asked) the rows drawn before — keeping the drawn array when the new
// rows hold the same values, so the lists are not re-rendered for them. On the corpus: the view's own queries'
// answers drawn first, then the background read's rows for the same filters (a new indicator's usual order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesFromCells } from '../../../src/queries/compare-cells.ts';
import { firstPairsPageFromCells } from '../../../src/queries/compare-pair-cells.ts';
import { compareKept, splitKept } from '../../../src/queries/compare-kept.ts';
import { COMPARE_CASES_PER_PROVINCE, compareCases, comparePairsPage } from '../../../src/queries/compare.ts';
import { literal } from '../../../src/queries/sql.ts';
import { EMPTY_FILTERS, type Filters } from '../../../src/state/filters.ts';
import { rowsToDraw } from '../../../src/views/compare/kept-or-asked.ts';
import { openDataDb, type DataDb } from '../../helpers/data-db.ts';

let db: DataDb;
/** The indicator with most cases and its two largest provinces. */
let comparison: { a: string; b: string; indicator: string };
/** The years of the comparison's cases, most cases first. */
let years: number[];

beforeAll(async () => {
  db = await openDataDb();
  const [top] = await db.all(`SELECT indicator FROM cases WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  const provinces = await db.all(`SELECT province FROM cases WHERE duplicate_of IS NULL AND indicator = ${literal(String(top.indicator))}
    AND province IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`);
  comparison = { a: String(provinces[0].province), b: String(provinces[1].province), indicator: String(top.indicator) };
  years = (
    await db.all(`SELECT year FROM cases WHERE duplicate_of IS NULL AND indicator = ${literal(comparison.indicator)} AND province = ${literal(comparison.a)}
      AND year IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1`)
  ).map((r) => Number(r.year));
});
afterAll(() => db?.close());

/** A query's result as the view sees it once answered, or while it runs with the previous rows as placeholder. */
const answered = <R extends object>(data: R[]) => ({ data, status: 'success' as const, isPlaceholderData: false });
const running = <R extends object>(placeholder: R[]) => ({ data: placeholder, status: 'success' as const, isPlaceholderData: true });

describe('Compare’s lists: kept or asked rows', () => {
  it('keeps the drawn columns when the background read lands with the same cases, takes a new year’s', async () => {
    const kept = splitKept(await db.all(compareKept(comparison)));
    const columnsOf = (filters: Filters) => db.all(compareCases({ ...comparison, filters, perProvince: COMPARE_CASES_PER_PROVINCE }));
    const [first, second] = [{ ...EMPTY_FILTERS, years: [years[0]] }, { ...EMPTY_FILTERS, years: [years[1]] }];
    const drawn = await columnsOf(first);
    const fromCells = casesFromCells(kept.cases, first)!;
    // Not vacuous: a different array holding the same rows.
    expect(drawn.length).toBeGreaterThan(0);
    expect(fromCells).not.toBe(drawn);
    expect(fromCells).toEqual(drawn);
    expect(rowsToDraw(fromCells, answered(drawn), drawn)).toBe(drawn);
    // Another year: its own cases are drawn.
    const next = casesFromCells(kept.cases, second)!;
    expect(next).not.toEqual(drawn);
    expect(rowsToDraw(next, answered(drawn), drawn)).toBe(next);
  });

  it('keeps the drawn page of pairs when the background read lands with the same pairs', async () => {
    const kept = splitKept(await db.all(compareKept(comparison)));
    const filters = { ...EMPTY_FILTERS, years: [years[0]] };
    const drawn = await db.all(comparePairsPage({ ...comparison, filters, page: 0 }));
    const fromCells = firstPairsPageFromCells(kept.pairs, filters)!;
    expect(drawn.length).toBeGreaterThan(0);
    expect(fromCells).toEqual(drawn);
    expect(rowsToDraw(fromCells, answered(drawn), drawn)).toBe(drawn);
  });

  it('while its query runs, draws the rows drawn before, not the query’s placeholder; then its answer', async () => {
    const columnsOf = (year: number) => db.all(compareCases({ ...comparison, filters: { ...EMPTY_FILTERS, years: [year] }, perProvince: COMPARE_CASES_PER_PROVINCE }));
    const [drawn, older, answer] = await Promise.all([columnsOf(years[0]), columnsOf(years[1]), columnsOf(years[0])]);
    expect(older).not.toEqual(drawn);
    expect(rowsToDraw(null, running(older), drawn)).toBe(drawn);
    // The same cases answered again (another filter state with the same columns): still the drawn array.
    expect(rowsToDraw(null, answered(answer), drawn)).toBe(drawn);
    expect(rowsToDraw(null, answered(older), drawn)).toBe(older);
  });
});
