// Shows the SQL behind a chart or table, as text, with a copy button.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { NamedQuery } from '../queries/types.ts';

/** `title`: the chart's or table's title as on the page (the dialog is named after it, not the query id). */
export function SqlDialog({ query, title, onClose }: { query: NamedQuery<object>; title?: string; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="sql-dialog" onClose={onClose} aria-label={title ? t('chart.sqlOf', { title }) : `SQL ${query.id}`}>
      <header>
        <strong data-testid="sql-dialog-title">{title ? t('chart.sqlOf', { title }) : query.id}</strong>
        <span className="spacer" />
        <button type="button" onClick={() => void navigator.clipboard?.writeText(query.sql)}>
          {t('chart.copy')}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          {t('chart.close')}
        </button>
      </header>
      <pre className="sql-text">{query.sql}</pre>
    </dialog>
  );
}
