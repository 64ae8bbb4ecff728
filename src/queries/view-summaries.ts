// The Indicator's, Compare's and the measures panel's answers summed from the summaries (summaries.ts says why and
// how they are held to their queries). Apart from summaries.ts, which the landing view needs: these load with the
// views that use them, not in the JS before the Overview's first chart.
import type { Filters } from '../state/filters.ts';
import { DIMENSIONS, type MeasureDimensionRow } from './measures.ts';
import type { CompareShareRow } from './compare.ts';
import type { CountUnitRow, IndicatorCaseCountRow } from './indicator.ts';
import { literal } from './sql.ts';
import { byText, caseSummaryRows, matcher, nullsLast, PLACE, type CaseSummaryRow, type Place } from './summaries.ts';
import type { NamedQuery } from './types.ts';

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

const MEASURE_COUNT_COLUMNS: (keyof MeasureSummaryCountRow)[] = [
  'province', 'city', 'level', 'year', 'batch', 'dimension', 'cases', 'measures', 'with_after', 'with_before_after', 'with_reduction',
];
const MEASURE_COUNTS = `${PLACE}, dimension, cases::BIGINT AS cases, measures::BIGINT AS measures, with_after::BIGINT AS with_after,
  with_before_after::BIGINT AS with_before_after, with_reduction::BIGINT AS with_reduction
FROM measure_summary`;

export function measureSummaryRows(indicator: string): NamedQuery<MeasureSummaryCountRow> {
  return {
    id: 'summary.measures',
    columns: MEASURE_COUNT_COLUMNS,
    sql: `SELECT ${MEASURE_COUNTS} WHERE indicator = ${literal(indicator)}`,
  };
}

/**
 * measure_summary's rows of the Compare view's two provinces, every indicator (as caseSummaryRowsOf: the same SQL
 * either way round): read once with the view, the measures panel takes the shown indicator's rows from it
 * (measureCountsOf), so a filter change that shows another indicator asks no query for its dimensions. Some 800 rows
 * at 100k cases and at 1M (one indicator's rows of every province: 500 and 3,800).
 */
export function measureSummaryRowsOf(provinces: string[]): NamedQuery<MeasureSummaryCountRow & { indicator: string }> {
  const listed = [...new Set(provinces)].sort();
  return {
    id: 'summary.measuresOf',
    columns: ['indicator', ...MEASURE_COUNT_COLUMNS],
    sql: `SELECT indicator, ${MEASURE_COUNTS} WHERE province IN (${listed.length > 0 ? listed.map(literal).join(', ') : 'NULL'})`,
  };
}

/** The rows the measures panel counts one indicator's dimensions from: the Compare view's two provinces' (measureSummaryRowsOf), else every province's. */
export function measureCountsQuery(indicator: string, provinces?: string[]): NamedQuery<MeasureSummaryCountRow & { indicator?: string }> {
  return provinces ? measureSummaryRowsOf(provinces) : measureSummaryRows(indicator);
}

/** measureCountsQuery's rows of `indicator` (those of measureSummaryRows are all of it). */
export function measureCountsOf(rows: (MeasureSummaryCountRow & { indicator?: string })[], indicator: string): MeasureSummaryCountRow[] {
  return rows.filter((r) => r.indicator === undefined || r.indicator === indicator);
}

/** DuckDB's round(x, 1) of a positive share in percent. */
const pct1 = (part: number, whole: number) => Math.round(((100 * part) / whole) * 10) / 10;

const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** indicatorCaseCounts' rows (indicator.ts), as a set: the taxonomy, then cases per indicator × province with each province's total and share. */
export function caseCountsFromSummary(rows: CaseSummaryRow[], filters: Filters): IndicatorCaseCountRow[] {
  const keep = matcher(filters, ['indicators']);
  // Cases per province, then indicator: maps of maps, not a composite key — this runs for every summary row (some
  // 13,000 at national scale) on each filter change, and a key string per row was most of its time.
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
