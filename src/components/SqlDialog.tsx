// Shows the SQL behind a chart or table, as text, with a copy button.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { NamedQuery } from '../queries/types.ts';

export function SqlDialog({ query, onClose }: { query: NamedQuery; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="sql-dialog" onClose={onClose} aria-label={`SQL ${query.id}`}>
      <header>
        <strong>{query.id}</strong>
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
