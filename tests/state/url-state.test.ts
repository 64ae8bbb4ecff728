import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type AppState } from '../../src/state/filters.ts';
import { applyUpdate, chooseIndicator, chosenIndicator, DEFAULT_STATE, MAX_SQL_URL_CHARS, parseState, parseUrl, shareUnchanged, stateToSearch } from '../../src/state/url-state.ts';

describe('url state', () => {
  it('the default state is the empty query string, and back', () => {
    expect(stateToSearch(DEFAULT_STATE)).toBe('');
    expect(parseState('')).toEqual(DEFAULT_STATE);
    expect(DEFAULT_STATE.view).toBe('overview');
    expect(DEFAULT_STATE.lang).toBe('zh');
    expect([DEFAULT_STATE.compareA, DEFAULT_STATE.compareB]).toEqual(['福建省', '陕西省']);
  });

  it('every field round-trips through the URL', () => {
    const state: AppState = {
      view: 'sql',
      lang: 'en',
      filters: { provinces: ['福建省', '陕西省'], indicators: ['electricity', 'tax'], cities: ['福州市'], levels: ['city', 'county'], years: [2023], batches: [2, 3] },
      compareA: '陕西省',
      compareB: '广东省',
      indicator: 'insolvency',
      search: '一网通办 & "quoted", 100%',
      sort: '-year',
      page: 3,
      caseId: 'fj-2023-b2-029',
      share: true,
      sql: "SELECT province, count(*)\nFROM cases WHERE title LIKE '%一网通办%' GROUP BY 1 -- & ?",
    };
    const search = stateToSearch(state);
    expect(parseState(search)).toEqual(state);
    // Chinese survives as percent-encoding and decodes back
    expect(new URLSearchParams(search).get('province')).toBe('福建省,陕西省');
  });

  it('ignores garbage: unknown view, bad level, non-numeric year, negative page', () => {
    const s = parseState('?view=nope&level=city,planet&year=2023,abc&page=-4&lang=fr');
    expect(s.view).toBe('overview');
    expect(s.lang).toBe('zh');
    expect(s.filters.levels).toEqual(['city']);
    expect(s.filters.years).toEqual([2023]);
    expect(s.page).toBe(0);
  });

  it('a filter or search change goes back to the first page; a page change does not', () => {
    const on5 = { ...DEFAULT_STATE, page: 5 };
    expect(applyUpdate(on5, { filters: { ...EMPTY_FILTERS, years: [2023] } }).page).toBe(0);
    expect(applyUpdate(on5, { search: 'x' }).page).toBe(0);
    expect(applyUpdate(on5, { view: 'compare' }).page).toBe(5);
    expect(applyUpdate(on5, { page: 6 }).page).toBe(6);
  });

  it('rejects hostile values, falls back to the default and names them: NUL, huge page, sort=constructor, overlong', () => {
    const cases = [
      ['?view=cases&q=%00', 'q', (s: AppState) => s.search === ''],
      ['?view=case&case=a%00b', 'case', (s: AppState) => s.caseId === null],
      ['?province=%00,福建省', 'province', (s: AppState) => s.filters.provinces.join() === '福建省'],
      ['?view=cases&page=1e20', 'page', (s: AppState) => s.page === 0],
      ['?view=cases&page=99999999', 'page', (s: AppState) => s.page === 0],
      ['?view=cases&sort=constructor', 'sort', (s: AppState) => s.sort === ''],
      ['?view=cases&sort=-__proto__', 'sort', (s: AppState) => s.sort === ''],
      [`?view=compare&a=${'省'.repeat(500)}`, 'a', (s: AppState) => s.compareA === DEFAULT_STATE.compareA],
      ['?year=2023,20231,1e3', 'year', (s: AppState) => s.filters.years.join() === '2023'],
      ['?view=sql&sql=SELECT%201%00', 'sql', (s: AppState) => s.sql === ''],
      [`?view=sql&sql=${'x'.repeat(MAX_SQL_URL_CHARS + 1)}`, 'sql', (s: AppState) => s.sql === ''],
      ['?lang=fr', 'lang', (s: AppState) => s.lang === 'zh'],
    ] as const;
    for (const [search, param, ok] of cases) {
      const { state, rejected } = parseUrl(search);
      expect(rejected, search).toEqual([param]);
      expect(ok(state), search).toBe(true);
    }
    // Valid values are not reported.
    expect(parseUrl('?view=cases&sort=-year&page=3&q=一网通办').rejected).toEqual([]);
    expect(parseState('?view=cases&sort=-year').sort).toBe('-year');
  });

  it('sql= lives only in the SQL view: dropped from other views, and when leaving the SQL view', () => {
    expect(parseState('?view=overview&sql=DROP%20VIEW%20cases').sql).toBe('');
    expect(parseUrl('?view=overview&sql=x').rejected).toEqual([]);
    const inSql = { ...DEFAULT_STATE, view: 'sql' as const, sql: 'SELECT 1' };
    expect(stateToSearch(inSql)).toBe('?view=sql&sql=SELECT+1');
    const left = applyUpdate(inSql, { view: 'cases' });
    expect(left.sql).toBe('');
    expect(stateToSearch(left)).toBe('?view=cases');
    // A query too long for a link stays out of the URL.
    expect(stateToSearch({ ...inSql, sql: 'x'.repeat(MAX_SQL_URL_CHARS + 1) })).toBe('?view=sql');
  });
});

describe('a URL change keeps the parts it left as they were', () => {
  it('the filters and each of their lists are the previous objects while equal; what changed is new and correct', () => {
    const before = parseUrl('?province=福建省&year=2023&view=cases&q=x');
    // Another view, another search: the filters are the same object (a filter bar reading them does not re-render).
    const elsewhere = shareUnchanged(before, parseUrl('?province=福建省&year=2023&view=compare'));
    expect(elsewhere.state.filters).toBe(before.state.filters);
    expect(elsewhere.state.view).toBe('compare');
    expect(elsewhere.state.search).toBe('');
    // A year change: a new filters object with the new year; the province list (unchanged) is the previous array.
    const year = shareUnchanged(before, parseUrl('?province=福建省&year=2024&view=cases&q=x'));
    expect(year.state.filters).not.toBe(before.state.filters);
    expect(year.state.filters.years).toEqual([2024]);
    expect(year.state.filters.provinces).toBe(before.state.filters.provinces);
    expect(year.state).toEqual(parseState('?province=福建省&year=2024&view=cases&q=x'));
    // The same values in another order are another filter (the order is the URL's and the chips').
    const reordered = shareUnchanged(parseUrl('?year=2023,2024'), parseUrl('?year=2024,2023'));
    expect(reordered.state.filters.years).toEqual([2024, 2023]);
  });

  it('the rejected names are the previous array while the same', () => {
    const before = parseUrl('?lang=fr&year=2023');
    const after = shareUnchanged(before, parseUrl('?lang=fr&year=2024'));
    expect(after.rejected).toBe(before.rejected);
    expect(shareUnchanged(after, parseUrl('?year=2024')).rejected).toEqual([]);
  });
});

describe('one indicator choice for every view', () => {
  const filters = (indicators: string[]) => ({ ...EMPTY_FILTERS, indicators });
  it('the filter bar wins over a URL indicator that it does not include', () => {
    const state = parseState('?view=indicator&ind=bankruptcy&indicator=getting_electricity');
    expect(chosenIndicator(state)).toBe('bankruptcy');
    expect(chosenIndicator({ filters: filters(['bankruptcy', 'taxes']), indicator: 'taxes' })).toBe('taxes');
    expect(chosenIndicator({ filters: filters([]), indicator: 'taxes' })).toBe('taxes');
    expect(chosenIndicator({ filters: filters([]), indicator: null })).toBeNull();
  });
  it('choosing another indicator in a view moves the filter bar with it', () => {
    expect(chooseIndicator({ filters: filters(['bankruptcy']) }, 'taxes')).toEqual({ indicator: 'taxes', filters: filters(['taxes']) });
    expect(chooseIndicator({ filters: filters(['bankruptcy', 'taxes']) }, 'taxes')).toEqual({ indicator: 'taxes' });
    expect(chooseIndicator({ filters: filters([]) }, 'taxes')).toEqual({ indicator: 'taxes' });
  });
});
