// A chart that declares its query: it runs the query itself (useSql) and hands the result to ChartCard,
// which decides loading / error / empty once. A view then writes the chart, not the plumbing:
//   <QueryChart title=… query={byProvince(params)} columns={…} option={(rows) => provincesOption(rows)} />
// A chart that draws part of its query's rows (those with a value, a sample) names how in `select`; the
// result stays the query's (useSql shares one run and one cache entry among the charts of one query).
// `height` and `note` may depend on the rows drawn (a bar per row, "top 50 shown").
import { useMemo, type ReactNode } from 'react';
import { useSql } from '../hooks/useSql.ts';
import type { NamedQuery, Row } from '../queries/types.ts';
import { ChartCard, type ChartCardProps, type ChartClickParams, type EChartsOption } from './ChartCard.tsx';
import type { QueryResult } from './QueryState.tsx';

type FromRows<R, T> = T | ((rows: R[] | undefined) => T);

/** `R`: the query's rows; `D`: the rows the chart draws and downloads (`R` unless `select` derives others). */
export interface QueryChartProps<R extends Row, D extends Row = R>
  extends Omit<ChartCardProps<D>, 'query' | 'rows' | 'status' | 'error' | 'option' | 'height' | 'note' | 'onClick'> {
  query: NamedQuery<R>;
  /**
   * Where the rows come from: useSql, or another hook of the same shape (the Overview's answers the landing
   * state from the export's snapshot). Pass a module-level hook, never one made during render.
   */
  useResult?: (query: NamedQuery<R> | null) => QueryResult<R>;
  /**
   * The query is built from an answer that is not current yet (an indicator picked from rows being asked
   * again): ask nothing and keep drawing the rows shown, rather than run a query that is about to be replaced.
   */
  paused?: boolean;
  /**
   * The rows drawn, derived from the query's (a pure function; keep it stable — module-level or useCallback —
   * so the chart is re-optioned only when the result changes). Without it the chart draws the query's rows.
   */
  select?: (rows: R[]) => D[];
  /** A click on the chart, with the rows it draws. */
  onClick?: (params: ChartClickParams, rows: D[] | undefined) => void;
  /** Rows → option. Keep it stable (useCallback) where the view re-renders often: a new one re-options the chart. */
  option: (rows: D[]) => EChartsOption;
  height?: FromRows<D, number>;
  note?: FromRows<D, ReactNode>;
}

const fromRows = <R, T>(value: FromRows<R, T> | undefined, rows: R[] | undefined): T | undefined =>
  typeof value === 'function' ? (value as (rows: R[] | undefined) => T)(rows) : value;

/** The query's rows as they are: `select`'s default, when `D` is `R`. */
const sameRows = <R, D>(rows: R[]) => rows as unknown as D[];

export function QueryChart<R extends Row, D extends Row = R>({ query, useResult = useSql, paused = false, select = sameRows, option, height, note, onClick, ...card }: QueryChartProps<R, D>) {
  const result = useResult(paused ? null : query);
  const rows = useMemo(() => (result.data ? select(result.data) : undefined), [result.data, select]);
  return (
    <ChartCard
      {...card}
      onClick={onClick && ((params) => onClick(params, rows))}
      query={query}
      rows={rows}
      status={result.status}
      error={result.error}
      option={option}
      height={fromRows(height, rows)}
      note={fromRows(note, rows)}
    />
  );
}
