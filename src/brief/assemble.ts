// Everything a comparison brief says, gathered from named queries — the Compare view's own (compare.shares,
// compare.cases, compare.pairs, and the measures panel's compare.measureDimensions / measureSummary /
// measures) so the brief's numbers are the dashboard's, plus the notices they come from (queries.ts). Pure: the caller passes how to run a query (DuckDB-wasm in the browser, Node
// DuckDB in tests).
import type { CaseListRow } from '../queries/cases.ts';
import { compareCases, comparePairs, compareShares, type ComparePairRow, type CompareShareRow } from '../queries/compare.ts';
import type { NamedQuery } from '../queries/types.ts';
import type { Filters } from '../state/filters.ts';
import { measureDimensions, measureRows, measureSummary, type MeasureRow, type MeasureSummaryRow } from '../queries/measures.ts';
import { briefSources, type BriefSourceRow } from './queries.ts';

/** Runs a named query, its rows typed as the query declares them. */
export type RunQuery = <R extends object>(query: NamedQuery<R>) => Promise<R[]>;

export interface BriefParams {
  filters: Filters;
  a: string;
  b: string;
  /** Indicator codes, in the order the brief shows them. */
  indicators: string[];
}

/** One case of a side with its counterparts (strong / related only) in the other province. */
export interface BriefCase {
  row: CaseListRow;
  counterparts: ComparePairRow[];
}

export interface BriefIndicator {
  code: string;
  /** compare.shares' row of this indicator: a_cases, a_pct, a_total, b_cases, b_pct, b_total. */
  shares: CompareShareRow | null;
  casesA: BriefCase[];
  casesB: BriefCase[];
  /** Reform measures per dimension the cases report (time, steps, documents, visits, cost…). */
  measures: BriefMeasure[];
}

export interface BriefMeasure {
  dimension: string;
  /** compare.measureSummary: one row per province (median after, median cut, counts). */
  summary: MeasureSummaryRow[];
  /** compare.measures: every phrase with before / after / reduction_pct, A's then B's. */
  rows: MeasureRow[];
}

export interface BriefData {
  params: BriefParams;
  /** ISO time the brief was made. */
  created: string;
  /** compare.shares for every indicator (the chart's data). */
  shares: CompareShareRow[];
  indicators: BriefIndicator[];
  sources: BriefSourceRow[];
}

/** Counterparts by case id, from compare.pairs' rows: only strong and related ones count as counterparts. */
function counterpartsByCase(pairs: ComparePairRow[]): Map<string, ComparePairRow[]> {
  const byCase = new Map<string, ComparePairRow[]>();
  for (const r of pairs) {
    const key = r.a_case_id;
    if (!byCase.has(key)) byCase.set(key, []);
    if (r.b_case_id !== null && (r.strength === 'strong' || r.strength === 'related')) byCase.get(key)!.push(r);
  }
  return byCase;
}

async function measuresOf(run: RunQuery, params: BriefParams, indicator: string): Promise<BriefMeasure[]> {
  const scope = { filters: params.filters, indicator, provinces: params.a === params.b ? [params.a] : [params.a, params.b] };
  const dimensions = await run(measureDimensions(scope));
  return Promise.all(
    dimensions.map(async (d) => {
      const dimension = d.dimension;
      const [summary, rows] = await Promise.all([run(measureSummary({ ...scope, dimension })), run(measureRows({ ...scope, dimension }))]);
      return { dimension, summary, rows };
    }),
  );
}

async function indicatorPart(run: RunQuery, params: BriefParams, code: string, shares: CompareShareRow[]): Promise<BriefIndicator> {
  const { filters, a, b } = params;
  const [cases, pairsAB, pairsBA, measures] = await Promise.all([
    run(compareCases({ filters, a, b, indicator: code })),
    run(comparePairs({ filters, a, b, indicator: code })),
    // The same query with the sides swapped: the cases of B and their counterparts in A.
    run(comparePairs({ filters, a: b, b: a, indicator: code })),
    measuresOf(run, params, code),
  ]);
  const ofA = counterpartsByCase(pairsAB);
  const ofB = counterpartsByCase(pairsBA);
  const side = (province: string, map: Map<string, ComparePairRow[]>) =>
    cases.filter((r) => r.province === province).map((row) => ({ row, counterparts: map.get(row.case_id) ?? [] }));
  return {
    code,
    shares: shares.find((r) => r.indicator === code) ?? null,
    casesA: side(a, ofA),
    casesB: a === b ? [] : side(b, ofB),
    measures,
  };
}

export async function assembleBrief(run: RunQuery, params: BriefParams, now = new Date()): Promise<BriefData> {
  const scope = { filters: params.filters, a: params.a, b: params.b, indicators: params.indicators };
  const [shares, sources] = await Promise.all([run(compareShares({ filters: params.filters, a: params.a, b: params.b })), run(briefSources(scope))]);
  const indicators: BriefIndicator[] = [];
  for (const code of params.indicators) indicators.push(await indicatorPart(run, params, code, shares));
  return { params, created: now.toISOString(), shares, indicators, sources };
}
