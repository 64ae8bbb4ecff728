// Export the workspace (imported notices + labels) as one file, and import a colleague's.
import { useState } from 'react';
import { exportWorkspaceFile, importWorkspaceFile, useImports, useLabels, type WorkspaceFileError } from '../../workspace/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { downloadName, saveBlob } from '../download.ts';

export function WorkspaceFileControls() {
  const { t } = useI18n();
  const imports = useImports();
  const labels = useLabels();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    saveBlob(await exportWorkspaceFile(labels.length), downloadName('workspace', 'zip'));
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await importWorkspaceFile(file);
      const problems = r.labelProblems.length ? ` ${r.labelProblems.join('; ')}` : '';
      setMessage({ ok: true, text: t('wsf.done', { docs: r.docs, skipped: r.skipped, labels: r.labels }) + problems });
    } catch (e) {
      const why = e instanceof Error && e.name === 'WorkspaceFileError' ? t((e as WorkspaceFileError).key, (e as WorkspaceFileError).vars) : e instanceof Error ? e.message : String(e);
      setMessage({ ok: false, text: t('wsf.badFile', { msg: why }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ws-file">
      <button type="button" className="tool" data-testid="wsf-export" title={t('wsf.exportTitle')} disabled={imports.length + labels.length === 0} onClick={() => void save()}>
        {t('wsf.export')}
      </button>
      <label className="tool" title={t('wsf.importTitle')}>
        {t('wsf.import')}
        <input
          type="file"
          accept=".zip,application/zip"
          data-testid="wsf-input"
          hidden
          disabled={busy}
          onChange={(e) => {
            void open(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {message && (
        <span role="status" data-testid="wsf-result" className={message.ok ? 'muted' : 'ws-error'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
