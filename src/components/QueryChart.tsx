// A chart that declares its query: it runs the query itself (useSql) and hands the result to ChartCard,
// which decides loading / error / empty once. A view then writes the chart, not the plumbing:
//   <QueryChart title=… query={byProvince(params)} columns={…} option={(rows) => provincesOption(rows)} />
// A chart that draws rows derived from an answer (a sample, one part of a combined request) is a ChartCard given
// those rows (e.g. MeasuresPanel).
// `height` and `note` may depend on the rows drawn (a bar per row, "top 50 shown").
import type { ReactNode } from 'react';
import { useSql } from '../hooks/useSql.ts';
import type { NamedQuery, Row } from '../queries/types.ts';
import { ChartCard, type ChartCardProps, type ChartClickParams, type EChartsOption } from './ChartCard.tsx';
import type { QueryResult } from './QueryState.tsx';

type FromRows<R, T> = T | ((rows: R[] | undefined) => T);

/** `R`: the query's rows, which the chart draws and downloads. */
export interface QueryChartProps<R extends Row>
  extends Omit<ChartCardProps<R>, 'query' | 'rows' | 'status' | 'error' | 'option' | 'height' | 'note' | 'onClick'> {
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
  /** A click on the chart, with the rows it draws. */
  onClick?: (params: ChartClickParams, rows: R[] | undefined) => void;
  /** Rows → option. Keep it stable (useCallback) where the view re-renders often: a new one re-options the chart. */
  option: (rows: R[]) => EChartsOption;
  height?: FromRows<R, number>;
  note?: FromRows<R, ReactNode>;
}

const fromRows = <R, T>(value: FromRows<R, T> | undefined, rows: R[] | undefined): T | undefined =>
  typeof value === 'function' ? (value as (rows: R[] | undefined) => T)(rows) : value;

export function QueryChart<R extends Row>({ query, useResult = useSql, paused = false, option, height, note, onClick, ...card }: QueryChartProps<R>) {
  const result = useResult(paused ? null : query);
  const rows = result.data;
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
