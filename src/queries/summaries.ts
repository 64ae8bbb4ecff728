// The small summaries counted per combination of the filter bar's dimensions (indexes.ts: case_summary,
// unit_summary, measure_summary) read whole once — case_summary with the taxonomy, the other two per indicator —
// so that a filter change is summed here rather than asked of DuckDB-wasm: its single worker answers one query
// at a time, and even a query over a hundred summary rows costs 10–15 ms there (planning, the worker's round
// trip, Arrow), so every question answered here takes that off each filter change of the Indicator and Compare
// views and of the Overview (its totals with the documents per province, year and batch). The sums are exact (a
// case lies in one combination; the workspace's rows, layered in the views, may be negative) and answer what the
// SQL answers: tests/queries/indexes.test.ts holds each to its query (the Overview's: tests/queries/overview.test.ts).
import { LEVELS } from '../ingest/types.ts';
import type { Filters } from '../state/filters.ts';
import { DIMENSIONS, type MeasureDimensionRow } from './measures.ts';
import type { CompareShareRow } from './compare.ts';
import type { CountUnitRow, IndicatorCaseCountRow } from './indicator.ts';
import type { ByBatchRow, ByCityRow, ByIndicatorRow, ByLevelRow, HeatmapRow, TotalsRow } from './overview.ts';
import { FILTER_COLUMN, literal } from './sql.ts';
import type { NamedQuery } from './types.ts';

/** The filter bar's dimensions of a summary row (indexes.ts SUMMARY_DIMENSIONS). */
type Place = { province: string | null; city: string | null; level: string | null; year: number | null; batch: number | null };

/** A case_summary row, or a taxonomy row (`sort` set, no place and no cases). */
export type CaseSummaryRow = Place & { indicator: string | null; name_zh: string | null; name_en: string | null; sort: number | null; cases: number };

const PLACE = 'province, city, level, year, batch';

/** The taxonomy's rows, then case_summary's (with its `figures` too when asked). */
function summaryRowsSql(figures: boolean): string {
  return `SELECT NULL::VARCHAR AS province, NULL::VARCHAR AS city, NULL::VARCHAR AS level, NULL::INTEGER AS year,
  NULL::INTEGER AS batch, code AS indicator, name_zh, name_en, sort, 0::BIGINT AS cases${figures ? ', 0::BIGINT AS figures' : ''}
FROM indicators
UNION ALL
SELECT ${PLACE}, indicator, NULL, NULL, NULL, cases::BIGINT${figures ? ', figures::BIGINT' : ''} FROM case_summary`;
}

const SUMMARY_COLUMNS = ['province', 'city', 'level', 'year', 'batch', 'indicator', 'name_zh', 'name_en', 'sort', 'cases'];

/** case_summary whole, after the taxonomy: what the Indicator picker and provinces and Compare's shares are summed from. */
export function caseSummaryRows(): NamedQuery<CaseSummaryRow> {
  return { id: 'summary.cases', columns: SUMMARY_COLUMNS, sql: summaryRowsSql(false) };
}

/** A caseSummaryRows row with its figures. */
export type FiguresSummaryRow = CaseSummaryRow & { figures: number };

/** caseSummaryRows with each row's figures: what the Overview's charts and totals tile are summed from. */
export function overviewSummaryRows(): NamedQuery<FiguresSummaryRow> {
  return { id: 'summary.overview', columns: [...SUMMARY_COLUMNS, 'figures'], sql: summaryRowsSql(true) };
}

/** Documents per province, year and batch (`documents`: the published and the imported). */
export type DocumentSummaryRow = { province: string | null; year: number | null; batch: number | null; documents: number };

export function documentSummaryRows(): NamedQuery<DocumentSummaryRow> {
  return {
    id: 'summary.documents',
    columns: ['province', 'year', 'batch', 'documents'],
    sql: `SELECT province, year, batch, count(*)::BIGINT AS documents FROM documents GROUP BY ALL`,
  };
}

/**
 * caseSummaryRows, but only the rows of `provinces` (the taxonomy rows all kept): what Compare sums its shares
 * from (sharesFromSummary reads no other province). At national scale a twentieth of case_summary: less to read
 * at load (and to save for it, view-compare.json) and to sum per filter change.
 */
export function caseSummaryRowsOf(provinces: string[]): NamedQuery<CaseSummaryRow> {
  const all = caseSummaryRows();
  // Sorted and distinct: A and B swapped (or the same province twice) ask the same SQL text.
  const listed = [...new Set(provinces)].sort();
  const inList = listed.length > 0 ? listed.map(literal).join(', ') : 'NULL';
  // The WHERE belongs to the UNION's last SELECT (case_summary's): the taxonomy's rows are all kept.
  return { ...all, id: 'summary.casesOf', sql: `${all.sql}\nWHERE province IN (${inList})` };
}

/** unit_summary's rows of one indicator. */
export type UnitSummaryRow = Place & { unit: string | null; figures: number };

export function unitSummaryRows(indicator: string): NamedQuery<UnitSummaryRow> {
  return {
    id: 'summary.units',
    columns: ['province', 'city', 'level', 'year', 'batch', 'unit', 'figures'],
    sql: `SELECT ${PLACE}, unit_norm AS unit, figures::BIGINT AS figures FROM unit_summary WHERE indicator = ${literal(indicator)}`,
  };
}

/** measure_summary's rows of one indicator. */
export type MeasureSummaryCountRow = Place & MeasureDimensionRow;

export function measureSummaryRows(indicator: string): NamedQuery<MeasureSummaryCountRow> {
  return {
    id: 'summary.measures',
    columns: ['province', 'city', 'level', 'year', 'batch', 'dimension', 'cases', 'measures', 'with_after', 'with_before_after', 'with_reduction'],
    sql: `SELECT ${PLACE}, dimension, cases::BIGINT AS cases, measures::BIGINT AS measures, with_after::BIGINT AS with_after,
  with_before_after::BIGINT AS with_before_after, with_reduction::BIGINT AS with_reduction
FROM measure_summary WHERE indicator = ${literal(indicator)}`,
  };
}

/** As summaryWhere (sql.ts) over a row: each filter with values keeps the rows whose column is one of them (NULL never is). */
function matcher(filters: Filters, omit: (keyof Filters)[]): (row: Record<string, unknown>) => boolean {
  const tests: [string, Set<unknown>][] = [];
  for (const key of Object.keys(FILTER_COLUMN) as (keyof Filters)[]) {
    if (!omit.includes(key) && filters[key].length > 0) tests.push([FILTER_COLUMN[key], new Set<unknown>(filters[key])]);
  }
  return (row) => tests.every(([column, values]) => row[column] !== null && values.has(row[column]));
}

/** DuckDB's round(x, 1) of a positive share in percent. */
const pct1 = (part: number, whole: number) => Math.round(((100 * part) / whole) * 10) / 10;

/** DuckDB's ORDER BY of text: by code point (equal to UTF-8 byte order for the codes and names here). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A NULL in a composite key (no code or place name holds this character). */
const NULL_KEY = '\u0000';

const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** indicatorCaseCounts' rows (indicator.ts), as a set: the taxonomy, then cases per indicator × province with each province's total and share. */
export function caseCountsFromSummary(rows: CaseSummaryRow[], filters: Filters): IndicatorCaseCountRow[] {
  const keep = matcher(filters, ['indicators']);
  // Cases per province, then indicator: maps of maps, not a composite key — this runs for every summary row (tens
  // of thousands at national scale) on each filter change, and a key string per row was most of its time.
  const cells = new Map<string | null, Map<string | null, number>>();
  const totals = new Map<string | null, number>();
  const out: IndicatorCaseCountRow[] = [];
  for (const r of rows) {
    if (r.sort !== null) {
      out.push({ indicator: r.indicator, name_zh: r.name_zh, name_en: r.name_en, sort: r.sort, province: null, cases: 0, total: null, pct: null });
      continue;
    }
    if (!keep(r)) continue;
    let ofProvince = cells.get(r.province);
    if (!ofProvince) cells.set(r.province, (ofProvince = new Map()));
    add(ofProvince, r.indicator, r.cases);
    add(totals, r.province, r.cases);
  }
  for (const [province, ofProvince] of cells) {
    const total = totals.get(province) ?? 0;
    for (const [indicator, cases] of ofProvince) {
      out.push({ indicator, name_zh: null, name_en: null, sort: null, province, cases, total, pct: total === 0 ? null : pct1(cases, total) });
    }
  }
  return out;
}

/** compareShares' rows (compare.ts): every indicator of the taxonomy or of the two provinces' cases, in taxonomy order. */
export function sharesFromSummary(rows: CaseSummaryRow[], filters: Filters, a: string, b: string): CompareShareRow[] {
  const keep = matcher(filters, ['provinces', 'indicators']);
  const taxonomy = new Map<string, CaseSummaryRow>();
  const aCases = new Map<string | null, number>();
  const bCases = new Map<string | null, number>();
  let aTotal = 0;
  let bTotal = 0;
  for (const r of rows) {
    if (r.sort !== null) {
      if (r.indicator !== null) taxonomy.set(r.indicator, r);
      continue;
    }
    if (!keep(r) || (r.province !== a && r.province !== b)) continue;
    // Both maps get the indicator: a row of A (or B) makes it one of the codes listed.
    if (r.province === a) {
      add(aCases, r.indicator, r.cases);
      add(bCases, r.indicator, 0);
      aTotal += r.cases;
    }
    if (r.province === b) {
      add(bCases, r.indicator, r.cases);
      add(aCases, r.indicator, 0);
      bTotal += r.cases;
    }
  }
  const codes = new Set<string | null>([...taxonomy.keys(), ...aCases.keys()]);
  const share = (n: number, total: number) => (total > 0 ? pct1(n, total) : 0);
  return [...codes]
    .map((code) => {
      const t = code === null ? undefined : taxonomy.get(code);
      const ac = aCases.get(code) ?? 0;
      const bc = bCases.get(code) ?? 0;
      return {
        row: {
          indicator: code as string,
          name_zh: t?.name_zh ?? code,
          name_en: t?.name_en ?? code,
          a_cases: ac,
          a_total: aTotal,
          a_pct: share(ac, aTotal),
          b_cases: bc,
          b_total: bTotal,
          b_pct: share(bc, bTotal),
        } as CompareShareRow,
        sort: t?.sort ?? 999,
      };
    })
    .sort((x, y) => x.sort - y.sort || nullsLast(x.row.indicator, y.row.indicator))
    .map((x) => x.row);
}

/** ORDER BY of a nullable text column: NULLS LAST. */
function nullsLast(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return byText(a, b);
}

/** indicatorCountUnits' rows (indicator.ts) from the indicator's unit_summary rows. */
export function unitsFromSummary(rows: UnitSummaryRow[], filters: Filters): CountUnitRow[] {
  const keep = matcher(filters, ['indicators']);
  const figures = new Map<string | null, number>();
  for (const r of rows) if (keep(r)) add(figures, r.unit, r.figures);
  return [...figures]
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => ({ unit: unit as string, figures: n }))
    .sort((x, y) => y.figures - x.figures || nullsLast(x.unit, y.unit));
}

const DIMENSION_ORDER = new Map<string, number>(DIMENSIONS.map((d, i) => [d, i]));

/**
 * measureDimensions' rows (measures.ts) from the indicator's measure_summary rows: under the filter bar, or in
 * `provinces` only (the Compare view, whose provinces replace the bar's).
 */
export function dimensionsFromSummary(rows: MeasureSummaryCountRow[], filters: Filters, provinces?: string[]): MeasureDimensionRow[] {
  const keep = matcher(filters, provinces ? ['indicators', 'provinces'] : ['indicators']);
  const inProvinces = provinces ? new Set<string | null>(provinces) : null;
  const sums = new Map<string, MeasureDimensionRow>();
  for (const r of rows) {
    if (!keep(r) || (inProvinces && !inProvinces.has(r.province))) continue;
    const s = sums.get(r.dimension) ?? { dimension: r.dimension, cases: 0, measures: 0, with_after: 0, with_before_after: 0, with_reduction: 0 };
    s.cases += r.cases;
    s.measures += r.measures;
    s.with_after += r.with_after;
    s.with_before_after += r.with_before_after;
    s.with_reduction += r.with_reduction;
    sums.set(r.dimension, s);
  }
  const order = (d: string) => DIMENSION_ORDER.get(d) ?? 99;
  return [...sums.values()].filter((s) => s.measures > 0).sort((x, y) => order(x.dimension) - order(y.dimension) || byText(x.dimension, y.dimension));
}

// ---------- the Overview's charts and totals (overview.ts), summed from caseSummaryRows / overviewSummaryRows ----------

/** The filter dimensions whose documents are counted per value in documentsByRows. */
export type DocumentDimension = 'indicator' | 'city' | 'level';

const DOCUMENT_DIMENSION_FILTER: Record<DocumentDimension, 'indicators' | 'cities' | 'levels'> = { indicator: 'indicators', city: 'cities', level: 'levels' };

/** documentsByRows' rows: documents with a case of `value` per province, year and batch of the case. */
export type DocumentsByRow = { province: string | null; year: number | null; batch: number | null; value: string | null; documents: number; split: number };

/**
 * Distinct documents with a case of each value of `dimension`, per the case's province, year and batch. Such counts
 * add up over province, year and batch as long as no document has cases in two of those combinations (`split`,
 * the same on every row, counts the documents that do): then a document lies in one row per value, and the
 * documents under one value of the dimension (with any province, year and batch filter) are a sum. Two values
 * are no sum (a document with cases of both is one document), nor are two dimensions.
 */
export function documentsByRows(dimension: DocumentDimension): NamedQuery<DocumentsByRow> {
  // An indicator's cases lie together in indicator_case_list; city and level are read from case_list.
  const list = dimension === 'indicator' ? 'indicator_case_list' : 'case_list';
  return {
    id: `summary.documentsBy.${dimension}`,
    columns: ['province', 'year', 'batch', 'value', 'documents', 'split'],
    sql: `WITH cells AS (SELECT DISTINCT doc_id, province, year, batch, ${dimension} AS value FROM ${list}),
split AS (SELECT count(*) AS n FROM (SELECT doc_id FROM cells GROUP BY doc_id HAVING count(DISTINCT (province, year, batch)) > 1))
SELECT province, year, batch, value, count(*)::INTEGER AS documents, (SELECT n FROM split)::INTEGER AS split
FROM cells GROUP BY province, year, batch, value`,
  };
}

/** The one dimension among indicator, city and level the filters name, when they name exactly one value of it (else null). */
export function singleDocumentDimension(filters: Filters): DocumentDimension | null {
  const named = (Object.keys(DOCUMENT_DIMENSION_FILTER) as DocumentDimension[]).filter((d) => filters[DOCUMENT_DIMENSION_FILTER[d]].length > 0);
  return named.length === 1 && filters[DOCUMENT_DIMENSION_FILTER[named[0]]].length === 1 ? named[0] : null;
}

/** What the Overview's answers are summed from (documentsBy: documentsByRows per dimension, those read). */
export interface OverviewSummaries {
  rows: FiguresSummaryRow[];
  documents: DocumentSummaryRow[] | undefined;
  documentsBy?: Partial<Record<DocumentDimension, DocumentsByRow[]>>;
}

/**
 * totalsQuery's documents: per province, year and batch without an indicator, city or level filter; with one value
 * of one of them, the documents having a case of it (documentsByRows). Null when no sum gives them (two values,
 * two of these filters, a document split over places or years) or the rows needed are not read.
 */
function documentsOf(summaries: OverviewSummaries, filters: Filters): number | null {
  const keep = matcher(filters, ['indicators', 'cities', 'levels']);
  let total = 0;
  if (!filters.indicators.length && !filters.cities.length && !filters.levels.length) {
    if (!summaries.documents) return null;
    for (const d of summaries.documents) if (keep(d)) total += d.documents;
    return total;
  }
  const dimension = singleDocumentDimension(filters);
  const rows = dimension && summaries.documentsBy?.[dimension];
  if (!dimension || !rows || rows.some((r) => r.split > 0)) return null;
  const value = filters[DOCUMENT_DIMENSION_FILTER[dimension]][0];
  for (const r of rows) if (r.value === value && keep(r)) total += r.documents;
  return total;
}

/** A composite key's part (NULL as NULL_KEY). */
const part = (v: string | number | null) => (v === null ? NULL_KEY : v);

/** The groupings the Overview sums case_summary's rows by: a row's key in each. */
const GROUPINGS = {
  heatmap: (r: CaseSummaryRow) => `${part(r.province)}\u0001${part(r.indicator)}`,
  byIndicator: (r: CaseSummaryRow) => `${part(r.indicator)}\u0001${part(r.province)}`,
  byCity: (r: CaseSummaryRow) => `${part(r.province)}\u0001${part(r.city)}`,
  byLevel: (r: CaseSummaryRow) => `${part(r.level)}\u0001${part(r.province)}`,
  byBatch: (r: CaseSummaryRow) => `${part(r.year)}\u0001${part(r.batch)}\u0001${part(r.province)}`,
};

/** A grouping of the cells: each cell's group number, and how many groups. */
type Grouping = { of: Int32Array; groups: number };

/** case_summary's rows made ready once per read: the taxonomy apart from the cells, each cell's group in every grouping. */
interface PreparedSummary<R extends CaseSummaryRow> {
  taxonomy: CaseSummaryRow[];
  cells: R[];
  by: Record<keyof typeof GROUPINGS, Grouping>;
}

/** Per rows read (the same array until the summary is read again): the keys are made once, not on every filter change. */
const PREPARED = new WeakMap<readonly CaseSummaryRow[], PreparedSummary<CaseSummaryRow>>();

function prepare<R extends CaseSummaryRow>(rows: R[]): PreparedSummary<R> {
  const known = PREPARED.get(rows) as PreparedSummary<R> | undefined;
  if (known) return known;
  const cells = rows.filter((r) => r.sort === null);
  const group = (key: (r: CaseSummaryRow) => string): Grouping => {
    const numbers = new Map<string, number>();
    const of = new Int32Array(cells.length);
    cells.forEach((r, i) => {
      const k = key(r);
      let n = numbers.get(k);
      if (n === undefined) numbers.set(k, (n = numbers.size));
      of[i] = n;
    });
    return { of, groups: numbers.size };
  };
  const by = Object.fromEntries(Object.entries(GROUPINGS).map(([name, key]) => [name, group(key)])) as PreparedSummary<R>['by'];
  const prepared = { taxonomy: rows.filter((r) => r.sort !== null), cells, by };
  PREPARED.set(rows, prepared);
  return prepared;
}

/**
 * The cells one filter change keeps (positions in `cells`), found in one pass: `kept` under every filter, `heatmap`
 * under every filter but the indicator (the heatmap's shares are of a province's cases of every indicator) with a province.
 */
interface FilteredSummary<R extends CaseSummaryRow = CaseSummaryRow> extends PreparedSummary<R> {
  kept: number[];
  heatmap: number[];
}

function filterSummary<R extends CaseSummaryRow>(rows: R[], filters: Filters): FilteredSummary<R> {
  const prepared = prepare(rows);
  const keepButIndicator = matcher(filters, ['indicators']);
  const indicators = filters.indicators.length ? new Set<string | null>(filters.indicators) : null;
  const kept: number[] = [];
  const heatmap: number[] = [];
  prepared.cells.forEach((r, i) => {
    if (!keepButIndicator(r)) return;
    if (r.province !== null) heatmap.push(i);
    // As matcher: an indicator filter never keeps a NULL indicator.
    if (!indicators || (r.indicator !== null && indicators.has(r.indicator))) kept.push(i);
  });
  return { ...prepared, kept, heatmap };
}

/** totalsQuery's row from the cells kept, or null when its documents are no sum (documentsOf). */
function totalsOf(s: FilteredSummary<FiguresSummaryRow>, documents: number | null): TotalsRow[] | null {
  if (documents === null) return null;
  let cases = 0;
  let figures = 0;
  const provinces = new Set<string>();
  const cities = new Set<string>();
  const indicators = new Set<string>();
  for (const i of s.kept) {
    const r = s.cells[i];
    cases += r.cases;
    figures += r.figures;
    // count(DISTINCT …): NULL is no value.
    if (r.province !== null) provinces.add(r.province);
    if (r.city !== null) cities.add(r.city);
    if (r.indicator !== null) indicators.add(r.indicator);
  }
  return [{ documents, cases, provinces: provinces.size, cities: cities.size, indicators: indicators.size, figures }];
}

/** Sums `cases` of the cells at `positions` per group of `grouping` (`pick` gives a group's columns), in first-seen order. */
function sumCases<K extends object>(s: PreparedSummary<CaseSummaryRow>, positions: number[], grouping: keyof typeof GROUPINGS, pick: (r: CaseSummaryRow) => K): (K & { cases: number })[] {
  const { of, groups } = s.by[grouping];
  // A group's place in `sums` (−1: not seen yet): numbers, no key made per cell on a filter change.
  const at = new Int32Array(groups).fill(-1);
  const sums: (K & { cases: number })[] = [];
  for (const i of positions) {
    const r = s.cells[i];
    const g = of[i];
    if (at[g] < 0) {
      at[g] = sums.length;
      sums.push({ ...pick(r), cases: r.cases });
    } else sums[at[g]].cases += r.cases;
  }
  return sums;
}

/** The taxonomy's names and order by code (the views' LEFT JOIN indicators: an unknown code has no names, sort 999). */
function taxonomyOf(taxonomy: CaseSummaryRow[]): (code: string | null) => { name_zh: string | null; name_en: string | null; sort: number } {
  const byCode = new Map<string | null, CaseSummaryRow>();
  for (const r of taxonomy) byCode.set(r.indicator, r);
  return (code) => {
    const t = code === null ? undefined : byCode.get(code);
    return { name_zh: t?.name_zh ?? null, name_en: t?.name_en ?? null, sort: t?.sort ?? 999 };
  };
}

/** ORDER BY of several columns, each ascending NULLS LAST (DuckDB's default). */
function byColumns<R>(...columns: ((r: R) => string | number | null)[]): (a: R, b: R) => number {
  return (a, b) => {
    for (const column of columns) {
      const [x, y] = [column(a), column(b)];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : nullsLast(x === null ? null : String(x), y === null ? null : String(y));
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** DuckDB's round(x, 4) of a double: std::round (half away from zero); a non-finite x (a share of 0 cases) as it is. */
const round4 = (x: number) => (Number.isFinite(x) ? (Math.sign(x) * Math.round(Math.abs(x) * 10000)) / 10000 : x);

/** heatmapQuery's rows from the heatmap's rows (filterSummary), the indicator filter applied to the cells shown. */
function heatmapOf(s: FilteredSummary, filters: Filters): HeatmapRow[] {
  const cells = sumCases(s, s.heatmap, 'heatmap', (r) => ({ province: r.province as string, indicator: r.indicator }));
  const totals = new Map<string, number>();
  for (const c of cells) add(totals, c.province, c.cases);
  const shown = filters.indicators.length ? new Set<string | null>(filters.indicators) : null;
  const names = taxonomyOf(s.taxonomy);
  return cells
    .filter((c) => !shown || (c.indicator !== null && shown.has(c.indicator)))
    .map((c) => {
      const total = totals.get(c.province) ?? 0;
      return { province: c.province, indicator: c.indicator as string, ...names(c.indicator), cases: c.cases, province_cases: total, share: round4(c.cases / total) };
    })
    .sort(byColumns((r) => r.sort, (r) => r.indicator, (r) => r.province));
}

function byIndicatorOf(s: FilteredSummary): ByIndicatorRow[] {
  const names = taxonomyOf(s.taxonomy);
  return sumCases(s, s.kept, 'byIndicator', (r) => ({ indicator: r.indicator as string, province: r.province }))
    .map(({ indicator, province, cases }) => ({ indicator, ...names(indicator), province, cases }))
    .sort(byColumns((r) => r.sort, (r) => r.indicator, (r) => r.province));
}

function byCityOf(s: FilteredSummary): ByCityRow[] {
  return sumCases(s, s.kept, 'byCity', (r) => ({ province: r.province, city: r.city })).sort(
    (a, b) => b.cases - a.cases || byColumns<ByCityRow>((r) => r.province, (r) => r.city)(a, b),
  );
}

/** byLevelQuery's ORDER BY: the levels top down (1, 2, 3), any other last (4). */
const LEVEL_ORDER = new Map<string | null, number>(LEVELS.map((level, i) => [level, i + 1]));

function byLevelOf(s: FilteredSummary): ByLevelRow[] {
  return sumCases(s, s.kept, 'byLevel', (r) => ({ level: r.level, province: r.province })).sort(
    byColumns((r) => LEVEL_ORDER.get(r.level) ?? 4, (r) => r.province),
  );
}

function byBatchOf(s: FilteredSummary): ByBatchRow[] {
  return sumCases(s, s.kept, 'byBatch', (r) => ({ year: r.year, batch: r.batch, province: r.province })).sort(
    byColumns((r) => r.year, (r) => r.batch, (r) => r.province),
  );
}

/** Every answer of the Overview (totals null: asked of DuckDB, documentsOf). */
export interface OverviewAnswers {
  totals: TotalsRow[] | null;
  heatmap: HeatmapRow[];
  byIndicator: ByIndicatorRow[];
  byCity: ByCityRow[];
  byLevel: ByLevelRow[];
  byBatch: ByBatchRow[];
}

/** The Overview's six answers under `filters`, from one pass of the filter over case_summary's cells (grouped once per read). */
export function overviewFromSummary(summaries: OverviewSummaries, filters: Filters): OverviewAnswers {
  const s = filterSummary(summaries.rows, filters);
  return {
    totals: totalsOf(s, documentsOf(summaries, filters)),
    heatmap: heatmapOf(s, filters),
    byIndicator: byIndicatorOf(s),
    byCity: byCityOf(s),
    byLevel: byLevelOf(s),
    byBatch: byBatchOf(s),
  };
}

/** heatmapQuery's rows alone (the tests' way to read one answer). */
export function heatmapFromSummary(rows: CaseSummaryRow[], filters: Filters): HeatmapRow[] {
  return heatmapOf(filterSummary(rows, filters), filters);
}
