// Import announcements in the browser: choose or drop .txt, .html/.htm or .docx files; they are read in a worker (progress,
// cancel), then previewed (ImportPreview) — what was found, with corrections and exclusions — and only on
// confirm do their cases join every view (marked as imported). Lists what was imported, each removable.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import {
  confirmImport,
  IMPORT_ACCEPT,
  ImportCancelled,
  MAX_IMPORT_BYTES,
  previewImport,
  readImportFiles,
  removeImport,
  useImports,
  type ImportFailure,
  type ImportFile,
  type ImportOutcome,
  type ImportProgress,
  type ImportSummary,
} from '../../workspace/index.ts';
import type { SourceHints } from '../../ingest/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ingestMessage } from '../../i18n/ingest-messages.ts';
import { FailureList } from './FailureList.tsx';
import { ImportPreview, type PreviewChoice } from './ImportPreview.tsx';

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; progress: ImportProgress | null; started: number; cancel: () => void; inserting?: boolean }
  | { kind: 'preview'; files: ImportFile[]; outcome: ImportOutcome; refused: ImportFailure[] }
  | { kind: 'done'; imported: ImportSummary[]; failures: ImportFailure[] }
  | { kind: 'cancelled' }
  | { kind: 'crashed'; message: string };

const MAX_MB = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);

export function ImportPanel() {
  const { t, lang, provinceName, batchName } = useI18n();
  const imports = useImports();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());

  /** Read (or re-read with corrections) in the worker; the preview shows the outcome. */
  const read = async (files: ImportFile[], refused: ImportFailure[]) => {
    const controller = new AbortController();
    const started = Date.now();
    setStatus({ kind: 'working', progress: null, started, cancel: () => controller.abort() });
    try {
      const outcome = await previewImport(
        files,
        (progress) => setStatus((s) => (s.kind === 'working' && s.started === started ? { ...s, progress } : s)),
        controller.signal,
      );
      // Nothing readable: no preview to show, only the reasons.
      if (outcome.imported.length === 0) setStatus({ kind: 'done', imported: [], failures: [...refused, ...outcome.failures] });
      else setStatus({ kind: 'preview', files, outcome, refused });
    } catch (error) {
      if (error instanceof ImportCancelled) setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const take = async (list: FileList | null) => {
    const chosen = list ? [...list] : [];
    if (chosen.length === 0) return;
    setExcluded(new Set());
    const { files, refused } = await readImportFiles(chosen);
    if (files.length === 0) {
      setStatus({ kind: 'done', imported: [], failures: refused });
      return;
    }
    await read(files, refused);
  };

  const reread = (fileIndex: number, overrides: SourceHints) => {
    if (status.kind !== 'preview') return;
    const files = status.files.map((f, i) => (i === fileIndex ? { ...f, overrides } : f));
    void read(files, status.refused);
  };

  const confirm = async (choice: PreviewChoice) => {
    if (status.kind !== 'preview') return;
    const failures = [...status.refused, ...status.outcome.failures];
    setStatus({ kind: 'working', progress: null, started: Date.now(), cancel: () => undefined, inserting: true });
    try {
      const imported = await confirmImport(choice.docs);
      setStatus({ kind: 'done', imported, failures });
    } catch (error) {
      setStatus({ kind: 'crashed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (status.kind !== 'working') void take(e.dataTransfer.files);
  };

  const busy = status.kind === 'working';
  return (
    <section
      className={status.kind === 'preview' ? 'ws-section ws-wide' : 'ws-section'}
      aria-label={t('imp.title')}
      data-testid="import-panel"
    >
      <h3>{t('imp.title')}</h3>
      <p className="card-note">
        {t('imp.hint')} {t('imp.cap', { mb: MAX_MB })}
      </p>
      {status.kind !== 'preview' && (
        <div
          className={over ? 'ws-drop over' : 'ws-drop'}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <label className={busy ? 'ws-choose disabled' : 'ws-choose'}>
            {t('imp.choose')}
            <input
              type="file"
              accept={IMPORT_ACCEPT}
              multiple
              disabled={busy}
              data-testid="import-input"
              onChange={(e) => {
                void take(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
          <span className="muted">{t('imp.drop')}</span>
        </div>
      )}

      {status.kind === 'working' && <Working status={status} />}
      {status.kind === 'preview' && (
        <ImportPreview
          outcome={status.outcome}
          refused={status.refused}
          onReread={reread}
          onConfirm={(choice) => void confirm(choice)}
          onCancel={() => setStatus({ kind: 'cancelled' })}
          excluded={excluded}
          setExcluded={setExcluded}
        />
      )}
      {status.kind === 'cancelled' && (
        <p role="status" className="muted" data-testid="import-cancelled">
          {t('imp.cancelled')}
        </p>
      )}
      {status.kind === 'done' && (
        <div role="status" data-testid="import-result">
          {status.imported.map((d) => (
            <p key={d.docId} className="ws-ok">
              ✓ {t('imp.done', { file: d.sourceFile, cases: d.cases, metrics: d.metrics })}
            </p>
          ))}
          {status.failures.length > 0 && <FailureList failures={status.failures} />}
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
                {d.warnings.length > 0 && <div className="muted">⚠ {d.warnings.map((w) => ingestMessage(w, lang)).join(lang === 'zh' ? '；' : '; ')}</div>}
              </div>
              <button type="button" className="tool" disabled={busy} onClick={() => void removeImport(d.docId)}>
                {t('imp.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Progress of a running import: stage, elapsed seconds (ticking, so a frozen page would show), cancel. */
function Working({ status }: { status: Extract<Status, { kind: 'working' }> }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    timer.current = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer.current);
  }, []);
  const p = status.progress;
  const stage = status.inserting
    ? t('imp.stage.insert')
    : !p
      ? t('imp.stage.start')
      : p.stage === 'read'
        ? t('imp.stage.read', { name: p.name ?? '', i: p.file + 1, n: p.files })
        : t(p.stage === 'dedupe' ? 'imp.stage.dedupe' : 'imp.stage.similar');
  const fraction = p ? (p.stage === 'read' ? p.file / p.files : p.stage === 'dedupe' ? 0.9 : 0.95) : 0;
  return (
    <div className="imp-working" role="status" aria-busy="true" data-testid="import-working">
      <progress max={1} value={status.inserting ? undefined : fraction} />
      <span>{stage}</span>
      <span className="muted" data-testid="import-elapsed">
        {t('imp.elapsed', { s: Math.max(0, Math.round((now - status.started) / 1000)) })}
      </span>
      {!status.inserting && (
        <button type="button" className="tool" data-testid="import-cancel" onClick={status.cancel}>
          {t('imp.cancel')}
        </button>
      )}
    </div>
  );
}
