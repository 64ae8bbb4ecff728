// Decides loading / error / empty / ready once for every chart and table (Evidence's QueryLoad).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Row } from '../queries/types.ts';

export interface QueryStateProps {
  status: 'pending' | 'error' | 'success';
  error?: Error | null;
  rows: Row[] | undefined;
  /** Minimum height of the placeholder, so the layout does not jump. */
  height?: number;
  children: (rows: Row[]) => ReactNode;
}

export function QueryState({ status, error, rows, height = 120, children }: QueryStateProps) {
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
