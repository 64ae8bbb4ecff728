// Decides loading / error / empty / ready once for every chart and table (Evidence's QueryLoad).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Row } from '../queries/types.ts';

/** A query's result as useSql gives it. */
export interface QueryResult<R> {
  status: 'pending' | 'error' | 'success';
  error?: Error | null;
  data: R[] | undefined;
}

export type QueryStateProps<R extends Row = Row> = {
  /** Minimum height of the placeholder, so the layout does not jump. */
  height?: number;
  children: (rows: R[]) => ReactNode;
} & (
  | { /** useSql's result, as it is. */ result: QueryResult<R> }
  | { status: QueryResult<R>['status']; error?: Error | null; /** Rows derived from a result (filtered, paged). */ rows: R[] | undefined }
);

export function QueryState<R extends Row = Row>(props: QueryStateProps<R>) {
  const { height = 120, children } = props;
  const { status, error, rows } = 'result' in props ? { ...props.result, rows: props.result.data } : props;
  const { t } = useI18n();
  if (status === 'error' && !rows) {
    return (
      <div className="query-state query-error" role="alert" style={{ minHeight: height }}>
        {t('chart.error')}
        {error?.message}
      </div>
    );
  }
  if (!rows) {
    return (
      <div className="query-state query-loading" aria-busy="true" style={{ minHeight: height }}>
        {t('chart.loading')}
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <div className="query-state query-empty" style={{ minHeight: height }}>
        {t('chart.empty')}
      </div>
    );
  }
  return <>{children(rows)}</>;
}
