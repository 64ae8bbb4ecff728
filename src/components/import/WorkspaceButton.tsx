// The header's "Import & labels" button: opens the analyst's workspace (import documents, own labels)
// in a dialog, with counts of what the analyst has added.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useImports, useLabels } from '../../workspace/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { UpdateState } from '../../state/url-state.ts';
import '../sql/sql.css';
import './workspace.css';
import { WorkspaceFileControls } from './WorkspaceFileControls.tsx';

// The panels (and the import code behind them) load when the dialog first opens, not with the page.
const ImportPanel = lazy(() => import('./ImportPanel.tsx').then((m) => ({ default: m.ImportPanel })));
const LabelsPanel = lazy(() => import('../labels/LabelsPanel.tsx').then((m) => ({ default: m.LabelsPanel })));

export function WorkspaceButton({ update }: { update: UpdateState }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const imports = useImports();
  const labels = useLabels();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const added = imports.length + labels.length;
  return (
    <>
      <button type="button" className="ws-button" data-testid="workspace-button" onClick={() => setOpen(true)}>
        {t('ws.button')}
        {added > 0 && <span className="ws-badge">{added}</span>}
      </button>
      <dialog ref={dialog} className="ws-dialog" aria-label={t('ws.title')} onClose={() => setOpen(false)}>
        {open && (
          <>
            {/* A div, not <header>: a header outside any section is the page's banner landmark. */}
            <div className="ws-dialog-head">
              <h2>{t('ws.title')}</h2>
              <span className="muted">{t('ws.note')}</span>
              <WorkspaceFileControls />
              <span className="spacer" />
              <button type="button" className="tool" data-testid="workspace-close" onClick={() => setOpen(false)}>
                {t('ws.close')}
              </button>
            </div>
            <div className="ws-body">
              <Suspense fallback={<p className="muted">…</p>}>
              <ImportPanel />
              <LabelsPanel
                onOpenCase={(caseId) => {
                  setOpen(false);
                  update({ view: 'case', caseId });
                }}
              />
              </Suspense>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
