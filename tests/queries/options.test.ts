// Filter-bar option lists on the real export: cross-filtered (a filter never hides its own options).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/ingest/indicators.ts';
import { filterOptionsQuery, provincesQuery } from '../../src/queries/options.ts';
import { FILTER_COLUMN } from '../../src/queries/sql.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/state/filters.ts';
import { openDataDb, type DataDb } from '../helpers/data-db.ts';
import { expectDeclaredColumns } from './columns.ts';

let db: DataDb;
beforeAll(async () => {
  db = await openDataDb();
});
afterAll(() => db?.close());

const KEYS = Object.keys(FILTER_COLUMN) as (keyof Filters)[];

describe('filter options', () => {
  it('each list covers every non-duplicate case that has a value', async () => {
    const [total] = await db.all('SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL');
    for (const key of KEYS) {
      const q = filterOptionsQuery(EMPTY_FILTERS, key);
      await db.explain(q.sql);
      const rows = await db.all(q.sql);
      const [withValue] = await db.all(`SELECT count(*) AS n FROM cases WHERE duplicate_of IS NULL AND ${FILTER_COLUMN[key]} IS NOT NULL`);
      expect(rows.reduce((s, r) => s + Number(r.n), 0), key).toBe(withValue.n);
      expect(Number(withValue.n)).toBeLessThanOrEqual(Number(total.n));
      expect(rows.every((r) => r.value !== null)).toBe(true);
    }
  });

  it('selecting a province keeps all provinces listed but narrows the cities', async () => {
    const provinces = await db.all(filterOptionsQuery(EMPTY_FILTERS, 'provinces').sql);
    expect(provinces.length).toBeGreaterThan(1);
    const filters = { ...EMPTY_FILTERS, provinces: [String(provinces[0].value)] };
    const again = await db.all(filterOptionsQuery(filters, 'provinces').sql);
    expect(again.map((r) => r.value).sort()).toEqual(provinces.map((r) => r.value).sort());
    const cities = await db.all(filterOptionsQuery(filters, 'cities').sql);
    const [inProvince] = await db.all(
      `SELECT count(DISTINCT city) AS n FROM cases WHERE duplicate_of IS NULL AND province = '${provinces[0].value}' AND city IS NOT NULL`,
    );
    expect(cities.length).toBe(inProvince.n);
  });

  it('the published taxonomy is the ingest constant the UI names indicators by; the province list loads', async () => {
    const taxonomy = await db.all('SELECT code, name_zh, name_en, sort FROM indicators ORDER BY sort, code');
    expect(taxonomy).toEqual(INDICATORS);
    const provinces = await db.all(provincesQuery().sql);
    expect(provinces.map((r) => r.value)).toContain('福建省');
  });

  it('return the columns their row type declares, for every filter', async () => {
    for (const key of Object.keys(FILTER_COLUMN) as (keyof Filters)[]) await expectDeclaredColumns(db, filterOptionsQuery(EMPTY_FILTERS, key));
    await expectDeclaredColumns(db, provincesQuery());
  });
});
