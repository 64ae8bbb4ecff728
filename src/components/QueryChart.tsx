// A chart that declares its query: it runs the query itself (useSql) and hands the result to ChartCard,
// which decides loading / error / empty once. A view then writes the chart, not the plumbing:
//   <QueryChart title=… query={byProvince(params)} columns={…} option={(rows) => provincesOption(rows)} />
// `height` and `note` may depend on the rows (a bar per row, "top 50 shown").
import type { ReactNode } from 'react';
import { useSql } from '../hooks/useSql.ts';
import type { NamedQuery, Row } from '../queries/types.ts';
import { ChartCard, type ChartCardProps, type EChartsOption } from './ChartCard.tsx';

type FromRows<R, T> = T | ((rows: R[] | undefined) => T);

export interface QueryChartProps<R extends Row> extends Omit<ChartCardProps, 'query' | 'rows' | 'status' | 'error' | 'option' | 'height' | 'note'> {
  query: NamedQuery<R>;
  /** Rows → option. Keep it stable (useCallback) where the view re-renders often: a new one re-options the chart. */
  option: (rows: R[]) => EChartsOption;
  height?: FromRows<R, number>;
  note?: FromRows<R, ReactNode>;
}

const fromRows = <R, T>(value: FromRows<R, T> | undefined, rows: R[] | undefined): T | undefined =>
  typeof value === 'function' ? (value as (rows: R[] | undefined) => T)(rows) : value;

export function QueryChart<R extends Row>({ query, option, height, note, ...card }: QueryChartProps<R>) {
  const result = useSql(query);
  return (
    <ChartCard
      {...card}
      query={query}
      rows={result.data}
      status={result.status}
      error={result.error}
      option={option as (rows: Row[]) => EChartsOption}
      height={fromRows(height, result.data)}
      note={fromRows(note, result.data)}
    />
  );
}
