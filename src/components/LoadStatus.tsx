// While DuckDB starts and the data files load: a progress line; if a file is missing or broken:
// a clear message naming it. Views render underneath all along (their queries wait for the tables).
import { useSyncExternalStore, type ReactNode } from 'react';
import { getLoadStep, subscribeLoad } from '../db/load-progress.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function LoadStatus({ children }: { children: ReactNode }) {
  const step = useSyncExternalStore(subscribeLoad, getLoadStep);
  const { t } = useI18n();
  if (step.phase === 'error') {
    return (
      <div className="load-error" role="alert">
        <h2>{t('load.error')}</h2>
        <p className="load-error-message">{step.message}</p>
        <p>{t('load.errorHint')}</p>
      </div>
    );
  }
  const loading = step.phase !== 'ready';
  const done = step.phase === 'data' ? step.done.length : 0;
  const total = step.phase === 'data' ? step.total : 1;
  // The view renders under the progress line while loading: its queries wait for the tables (each chart
  // shows its own loading state), and the Overview draws at once from the numbers exported at ingest
  // (views/overview/overview-snapshot.ts). The tree keeps one shape whether loading or ready, so the view
  // is not unmounted and mounted again (twice its queries, and a console query orphaned) when loading ends.
  return (
    <>
      {loading && (
        <div className="load-progress" role="status" aria-live="polite">
          <p>{step.phase === 'data' ? t('load.data', { done, total }) : t('load.engine')}</p>
          <progress max={total + 1} value={step.phase === 'data' ? done + 1 : 0} />
        </div>
      )}
      {children}
    </>
  );
}
