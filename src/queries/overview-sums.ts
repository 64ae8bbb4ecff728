// The Overview's six answers (overview.ts) summed in JS from case_summary read whole once (overviewSummaryRows)
// and the documents per province, year and batch (documentSummaryRows, documentsByRows): a filter change asks
// DuckDB-wasm nothing for them (views/overview/overview-summary.ts says when they are read). Each sum equals its
// named query, rows, values and order: tests/queries/overview.test.ts holds each to it, also after a re-filed case
// or an imported document.
//
// case_summary keeps one row per combination of the filter bar's six dimensions, so every one of its rows counts
// under some filter: no coarser table answers all six charts. What a change costs is a pass over its rows (13,268
// in the synthetic 100k and 1M datasets alike), so they are laid out once per read as columns — each filter
// column's values as dictionary codes, cases and figures as numbers, each row's group in each chart numbered — and
// a change tests codes against a table of the filter's codes and adds numbers, with no string compared and no
// object made per row.
import { LEVELS } from '../ingest/types.ts';
import type { Filters } from '../state/filters.ts';
import type { ByBatchRow, ByCityRow, ByIndicatorRow, ByLevelRow, HeatmapRow, TotalsRow } from './overview.ts';
import { FILTER_COLUMN, literal } from './sql.ts';
import type { DOCUMENT_VALUE_DIMENSIONS } from '../sql/indexes.ts';
import { matcher, nullsLast, type CaseSummaryRow, type DocumentSummaryRow, type FiguresSummaryRow } from './summaries.ts';
import type { NamedQuery } from './types.ts';

/** The filter dimensions whose documents are counted per value in documentsByRows. */
export type DocumentDimension = (typeof DOCUMENT_VALUE_DIMENSIONS)[number];

const DOCUMENT_DIMENSION_FILTER: Record<DocumentDimension, 'indicators' | 'cities' | 'levels'> = { indicator: 'indicators', city: 'cities', level: 'levels' };

/** documentsByRows' rows: documents with a case of `value` per province, year and batch of the case. */
export type DocumentsByRow = { province: string | null; year: number | null; batch: number | null; value: string | null; documents: number; split: number };

/**
 * Distinct documents with a case of each value of `dimension`, per the case's province, year and batch, and
 * `split`: how many documents have cases in two of those combinations (document_values, sql/indexes.ts, counted
 * at export). While none does, the documents under one value of the dimension (with any province, year and batch
 * filter) are a sum of these rows. Two values are no sum (a document with cases of both is one document), nor are
 * two dimensions.
 */
export function documentsByRows(dimension: DocumentDimension): NamedQuery<DocumentsByRow> {
  return {
    id: `summary.documentsBy.${dimension}`,
    columns: ['province', 'year', 'batch', 'value', 'documents', 'split'],
    sql: `SELECT province, year, batch, value, documents, split FROM document_values WHERE dimension = ${literal(dimension)}`,
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

// ---------- case_summary's cells as columns, once per read ----------

type FilterKey = keyof Filters;
const FILTER_KEYS = Object.keys(FILTER_COLUMN) as FilterKey[];

/**
 * One column as dictionary codes: each cell's code (0: NULL), the value of each code (`values[0]`: NULL), and each
 * code's place in the column's ORDER BY (ascending, NULLS LAST: text by code point, numbers by value).
 */
interface CodedColumn {
  codes: Int32Array;
  values: (string | number | null)[];
  rank: Int32Array;
}

function codeColumn(cells: CaseSummaryRow[], column: (r: CaseSummaryRow) => string | number | null): CodedColumn {
  const numbers = new Map<string | number, number>();
  const values: (string | number | null)[] = [null];
  const codes = new Int32Array(cells.length);
  cells.forEach((r, i) => {
    const v = column(r);
    if (v === null) return; // code 0
    let code = numbers.get(v);
    if (code === undefined) {
      numbers.set(v, (code = values.length));
      values.push(v);
    }
    codes[i] = code;
  });
  const ordered = values
    .map((_, code) => code)
    .slice(1)
    .sort((a, b) => {
      const [x, y] = [values[a], values[b]];
      return typeof x === 'number' && typeof y === 'number' ? x - y : nullsLast(String(x), String(y));
    });
  const rank = new Int32Array(values.length);
  ordered.forEach((code, place) => (rank[code] = place));
  rank[0] = values.length; // NULLS LAST
  return { codes, values, rank };
}

/** The groupings the Overview sums cases by (a chart's rows): the columns whose codes make a cell's group. */
const GROUPINGS = {
  heatmap: ['provinces', 'indicators'],
  byIndicator: ['indicators', 'provinces'],
  byCity: ['provinces', 'cities'],
  byLevel: ['levels', 'provinces'],
  byBatch: ['years', 'batches', 'provinces'],
} satisfies Record<string, FilterKey[]>;
type GroupingName = keyof typeof GROUPINGS;

/** A grouping of the cells: each cell's group number, and how many groups. */
type Grouping = { of: Int32Array; groups: number };

/** The taxonomy's names and order of an indicator (the views' LEFT JOIN indicators: an unknown code has no names, sort 999). */
type TaxonomyEntry = { name_zh: string | null; name_en: string | null; sort: number };

/** case_summary's rows made ready once per read: the taxonomy apart, the cells as columns and groups. */
interface SummaryColumns {
  /** The cells (rows with cases), read for a group's columns when it is first met. */
  cells: CaseSummaryRow[];
  coded: Record<FilterKey, CodedColumn>;
  cases: Float64Array;
  figures: Float64Array;
  by: Record<GroupingName, Grouping>;
  /** Per indicator code, its taxonomy entry. */
  taxonomy: TaxonomyEntry[];
}

/** Per rows read (the same array until the summary is read again): the columns are made once, not on every filter change. */
const PREPARED = new WeakMap<readonly CaseSummaryRow[], SummaryColumns>();

function prepare(rows: CaseSummaryRow[]): SummaryColumns {
  const known = PREPARED.get(rows);
  if (known) return known;
  const cells = rows.filter((r) => r.sort === null);
  const coded = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, codeColumn(cells, (r) => r[FILTER_COLUMN[key] as keyof CaseSummaryRow] as string | number | null)]),
  ) as Record<FilterKey, CodedColumn>;
  const group = (keys: FilterKey[]): Grouping => {
    const numbers = new Map<string, number>();
    const of = new Int32Array(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const k = keys.map((key) => coded[key].codes[i]).join(',');
      let n = numbers.get(k);
      if (n === undefined) numbers.set(k, (n = numbers.size));
      of[i] = n;
    }
    return { of, groups: numbers.size };
  };
  const byCode = new Map<string | null, CaseSummaryRow>();
  for (const r of rows) if (r.sort !== null) byCode.set(r.indicator, r);
  const prepared: SummaryColumns = {
    cells,
    coded,
    cases: Float64Array.from(cells, (r) => r.cases),
    // caseSummaryRows has no figures (the heatmap alone needs none): 0.
    figures: Float64Array.from(cells, (r) => (r as Partial<FiguresSummaryRow>).figures ?? 0),
    by: Object.fromEntries(Object.entries(GROUPINGS).map(([name, keys]) => [name, group(keys)])) as Record<GroupingName, Grouping>,
    taxonomy: coded.indicators.values.map((code) => {
      const t = code === null ? undefined : byCode.get(code as string);
      return { name_zh: t?.name_zh ?? null, name_en: t?.name_en ?? null, sort: t?.sort ?? 999 };
    }),
  };
  PREPARED.set(rows, prepared);
  return prepared;
}

/** A filter's values as a table by code (1: kept); null when the filter has no values. As matcher: NULL never is kept. */
function keptCodes(column: CodedColumn, values: readonly (string | number)[]): Uint8Array | null {
  if (values.length === 0) return null;
  const wanted = new Set<string | number | null>(values);
  const kept = new Uint8Array(column.values.length);
  for (let code = 1; code < column.values.length; code++) if (wanted.has(column.values[code])) kept[code] = 1;
  return kept;
}

/**
 * The cells one filter change keeps (positions in `cells`), found in one pass: `kept` under every filter, `heatmap`
 * under every filter but the indicator (the heatmap's shares are of a province's cases of every indicator) with a province.
 */
interface FilteredSummary extends SummaryColumns {
  kept: Int32Array;
  heatmap: Int32Array;
}

function filterSummary(rows: CaseSummaryRow[], filters: Filters): FilteredSummary {
  const s = prepare(rows);
  const columns: Int32Array[] = [];
  const tables: Uint8Array[] = [];
  for (const key of FILTER_KEYS) {
    const table = key === 'indicators' ? null : keptCodes(s.coded[key], filters[key]);
    if (table) {
      columns.push(s.coded[key].codes);
      tables.push(table);
    }
  }
  const indicators = keptCodes(s.coded.indicators, filters.indicators);
  const indicator = s.coded.indicators.codes;
  const province = s.coded.provinces.codes;
  const kept = new Int32Array(s.cells.length);
  const heatmap = new Int32Array(s.cells.length);
  let k = 0;
  let h = 0;
  cells: for (let i = 0; i < s.cells.length; i++) {
    for (let t = 0; t < columns.length; t++) if (tables[t][columns[t][i]] === 0) continue cells;
    if (province[i] !== 0) heatmap[h++] = i;
    if (!indicators || indicators[indicator[i]] === 1) kept[k++] = i;
  }
  return { ...s, kept: kept.subarray(0, k), heatmap: heatmap.subarray(0, h) };
}

/** How many distinct non-NULL values of a coded column the cells at `positions` hold (count(DISTINCT …)). */
function distinctCount(column: CodedColumn, positions: Int32Array): number {
  const seen = new Uint8Array(column.values.length);
  let n = 0;
  for (let j = 0; j < positions.length; j++) {
    const code = column.codes[positions[j]];
    if (code !== 0 && seen[code] === 0) {
      seen[code] = 1;
      n++;
    }
  }
  return n;
}

/** totalsQuery's row from the cells kept, or null when its documents are no sum (documentsOf). */
function totalsOf(s: FilteredSummary, documents: number | null): TotalsRow[] | null {
  if (documents === null) return null;
  let cases = 0;
  let figures = 0;
  for (let j = 0; j < s.kept.length; j++) {
    cases += s.cases[s.kept[j]];
    figures += s.figures[s.kept[j]];
  }
  const distinct = (key: FilterKey) => distinctCount(s.coded[key], s.kept);
  return [{ documents, cases, provinces: distinct('provinces'), cities: distinct('cities'), indicators: distinct('indicators'), figures }];
}

/** One group's sum: `cell`, the first cell of it met (its group columns are the group's), and its cases. */
type GroupSum = { cell: number; cases: number };

/** Sums `cases` of the cells at `positions` per group of `grouping`, in first-seen order. */
function sumCases(s: SummaryColumns, positions: Int32Array, grouping: GroupingName): GroupSum[] {
  const { of, groups } = s.by[grouping];
  // A group's place in `sums` (−1: not seen yet): numbers, no key made per cell on a filter change.
  const at = new Int32Array(groups).fill(-1);
  const sums: GroupSum[] = [];
  for (let j = 0; j < positions.length; j++) {
    const i = positions[j];
    const g = at[of[i]];
    if (g < 0) {
      at[of[i]] = sums.length;
      sums.push({ cell: i, cases: s.cases[i] });
    } else sums[g].cases += s.cases[i];
  }
  return sums;
}

/**
 * ORDER BY of group columns, each ascending NULLS LAST (DuckDB's default), compared by their ranks (codeColumn);
 * a number given for a column (the taxonomy's sort, a level's order) is compared as it is. Array.sort is stable:
 * groups equal in every column keep their first-seen order.
 */
function byColumns(s: SummaryColumns, ...columns: (FilterKey | ((cell: number) => number))[]): (a: GroupSum, b: GroupSum) => number {
  const keys = columns.map((column) => {
    if (typeof column === 'function') return column;
    const { codes, rank } = s.coded[column];
    return (cell: number) => rank[codes[cell]];
  });
  return (a, b) => {
    for (const key of keys) {
      const c = key(a.cell) - key(b.cell);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** A group's indicator with its taxonomy names and order. */
function indicatorOf(s: SummaryColumns, cell: number): { indicator: string } & TaxonomyEntry {
  const code = s.coded.indicators.codes[cell];
  return { indicator: s.coded.indicators.values[code] as string, ...s.taxonomy[code] };
}

/** The taxonomy's order of a cell's indicator. */
const taxonomySort = (s: SummaryColumns) => (cell: number) => s.taxonomy[s.coded.indicators.codes[cell]].sort;

/** DuckDB's round(x, 4) of a double: std::round (half away from zero); a non-finite x (a share of 0 cases) as it is. */
const round4 = (x: number) => (Number.isFinite(x) ? (Math.sign(x) * Math.round(Math.abs(x) * 10000)) / 10000 : x);

/** heatmapQuery's rows from the heatmap's cells (filterSummary), the indicator filter applied to the cells shown. */
function heatmapOf(s: FilteredSummary, filters: Filters): HeatmapRow[] {
  const cells = sumCases(s, s.heatmap, 'heatmap');
  const province = s.coded.provinces.codes;
  const totals = new Float64Array(s.coded.provinces.values.length);
  for (const c of cells) totals[province[c.cell]] += c.cases;
  const shown = keptCodes(s.coded.indicators, filters.indicators);
  return cells
    .filter((c) => !shown || shown[s.coded.indicators.codes[c.cell]] === 1)
    .sort(byColumns(s, taxonomySort(s), 'indicators', 'provinces'))
    .map((c) => {
      const total = totals[province[c.cell]];
      return { province: s.cells[c.cell].province as string, ...indicatorOf(s, c.cell), cases: c.cases, province_cases: total, share: round4(c.cases / total) };
    });
}

function byIndicatorOf(s: FilteredSummary): ByIndicatorRow[] {
  return sumCases(s, s.kept, 'byIndicator')
    .sort(byColumns(s, taxonomySort(s), 'indicators', 'provinces'))
    .map((c) => ({ ...indicatorOf(s, c.cell), province: s.cells[c.cell].province, cases: c.cases }));
}

function byCityOf(s: FilteredSummary): ByCityRow[] {
  const byPlace = byColumns(s, 'provinces', 'cities');
  return sumCases(s, s.kept, 'byCity')
    .sort((a, b) => b.cases - a.cases || byPlace(a, b))
    .map((c) => ({ province: s.cells[c.cell].province, city: s.cells[c.cell].city, cases: c.cases }));
}

/** byLevelQuery's ORDER BY: the levels top down (1, 2, 3), any other last (4). */
const LEVEL_ORDER = new Map<string | null, number>(LEVELS.map((level, i) => [level, i + 1]));

function byLevelOf(s: FilteredSummary): ByLevelRow[] {
  const levelOrder = (cell: number) => LEVEL_ORDER.get(s.cells[cell].level) ?? 4;
  return sumCases(s, s.kept, 'byLevel')
    .sort(byColumns(s, levelOrder, 'provinces'))
    .map((c) => ({ level: s.cells[c.cell].level, province: s.cells[c.cell].province, cases: c.cases }));
}

function byBatchOf(s: FilteredSummary): ByBatchRow[] {
  return sumCases(s, s.kept, 'byBatch')
    .sort(byColumns(s, 'years', 'batches', 'provinces'))
    .map((c) => ({ year: s.cells[c.cell].year, batch: s.cells[c.cell].batch, province: s.cells[c.cell].province, cases: c.cases }));
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

/** The Overview's six answers under `filters`, from one pass of the filter over case_summary's cells (laid out once per read). */
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
