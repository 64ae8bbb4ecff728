// Import announcements in the browser: choose or drop .txt files; each is read by the ingest, its cases
// join every view (marked as imported); unreadable files get a message naming the file and the reason
// and change nothing. Lists what was imported, each with a remove button.
import { useState, type DragEvent } from 'react';
import { importFiles, removeImport, useImports } from '../../db/imported.ts';
import type { ImportFailure } from '../../db/import-doc.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; n: number }
  | { kind: 'done'; imported: { file: string; cases: number; metrics: number }[]; failures: ImportFailure[] }
  | { kind: 'crashed'; message: string };

export function ImportPanel() {
  const { t, provinceName, batchName } = useI18n();
  const imports = useImports();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [over, setOver] = useState(false);

  const take = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    setStatus({ kind: 'working', n: files.length });
    try {
      const result = await importFiles(files);
      setStatus({
        kind: 'done',
        imported: result.imported.map((d) => ({ file: d.sourceFile, cases: d.cases, metrics: d.metrics })),
        failures: result.failures,
      });
    } catch (error) {
      setStatus({ kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files);
  };

  return (
    <section className="ws-section" aria-label={t('imp.title')} data-testid="import-panel">
      <h3>{t('imp.title')}</h3>
      <p className="card-note">{t('imp.hint')}</p>
      <div
        className={over ? 'ws-drop over' : 'ws-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label className="ws-choose">
          {t('imp.choose')}
          <input
            type="file"
            accept=".txt,text/plain"
            multiple
            data-testid="import-input"
            onChange={(e) => {
              void take(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <span className="muted">{t('imp.drop')}</span>
      </div>

      {status.kind === 'working' && (
        <p role="status" aria-busy="true">
          {t('imp.working', { n: status.n })}
        </p>
      )}
      {status.kind === 'done' && (
        <div role="status" data-testid="import-result">
          {status.imported.map((d) => (
            <p key={d.file} className="ws-ok">
              ✓ {t('imp.done', { file: d.file, cases: d.cases, metrics: d.metrics })}
            </p>
          ))}
          {status.failures.length > 0 && (
            <div className="ws-fail" role="alert" data-testid="import-error">
              <strong>{t('imp.failed')}</strong>
              <ul>
                {status.failures.map((f) => (
                  <li key={f.sourceFile + f.message}>{f.message}</li>
                ))}
              </ul>
              <span className="muted">{t('imp.untouched')}</span>
            </div>
          )}
        </div>
      )}
      {status.kind === 'crashed' && (
        <div className="ws-fail" role="alert" data-testid="import-error">
          <strong>{t('imp.failed')}</strong> {status.message} <span className="muted">{t('imp.untouched')}</span>
        </div>
      )}

      <h4>{t('imp.list')}</h4>
      {imports.length === 0 ? (
        <p className="muted">{t('imp.none')}</p>
      ) : (
        <ul className="ws-list" data-testid="import-list">
          {imports.map((d) => (
            <li key={d.docId} data-doc-id={d.docId}>
              <div className="ws-item-main">
                <strong>{d.sourceFile}</strong>
                <div className="muted">
                  {[d.title, provinceName(d.province), batchName(d.year, d.batch), t('imp.cases', { n: d.cases }), t('imp.when', { t: d.importedAt.slice(0, 16).replace('T', ' ') })]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
                {d.warnings.length > 0 && <div className="muted">⚠ {d.warnings.join('; ')}</div>}
              </div>
              <button type="button" className="tool" onClick={() => void removeImport(d.docId)}>
                {t('imp.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
