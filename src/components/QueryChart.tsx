// A chart that declares its query: it runs the query itself (useSql) and hands the result to ChartCard,
// which decides loading / error / empty once. A view then writes the chart, not the plumbing:
//   <QueryChart title=… query={byProvince(params)} columns={…} option={(rows) => provincesOption(rows)} />
// `height` and `note` may depend on the rows (a bar per row, "top 50 shown").
import type { ReactNode } from 'react';
import { useSql } from '../hooks/useSql.ts';
import type { NamedQuery, Row } from '../queries/types.ts';
import { ChartCard, type ChartCardProps, type ChartClickParams, type EChartsOption } from './ChartCard.tsx';
import type { QueryResult } from './QueryState.tsx';

type FromRows<R, T> = T | ((rows: R[] | undefined) => T);

export interface QueryChartProps<R extends Row> extends Omit<ChartCardProps<R>, 'query' | 'rows' | 'status' | 'error' | 'option' | 'height' | 'note' | 'onClick'> {
  query: NamedQuery<R>;
  /**
   * Where the rows come from: useSql, or another hook of the same shape (the Overview's answers the landing
   * state from the export's snapshot). Pass a module-level hook, never one made during render.
   */
  useResult?: (query: NamedQuery<R>) => QueryResult<R>;
  /** A click on the chart, with the rows it draws. */
  onClick?: (params: ChartClickParams, rows: R[] | undefined) => void;
  /** Rows → option. Keep it stable (useCallback) where the view re-renders often: a new one re-options the chart. */
  option: (rows: R[]) => EChartsOption;
  height?: FromRows<R, number>;
  note?: FromRows<R, ReactNode>;
}

const fromRows = <R, T>(value: FromRows<R, T> | undefined, rows: R[] | undefined): T | undefined =>
  typeof value === 'function' ? (value as (rows: R[] | undefined) => T)(rows) : value;

export function QueryChart<R extends Row>({ query, useResult = useSql, option, height, note, onClick, ...card }: QueryChartProps<R>) {
  const result = useResult(query);
  return (
    <ChartCard
      {...card}
      onClick={onClick && ((params) => onClick(params, result.data))}
      query={query}
      rows={result.data}
      status={result.status}
      error={result.error}
      option={option}
      height={fromRows(height, result.data)}
      note={fromRows(note, result.data)}
    />
  );
}
