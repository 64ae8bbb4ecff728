// The analyst's labels: the list (case, new indicator, what it was), undo, export as CSV, re-import a
// CSV (bad rows are listed by line; existing labels stay).
import { useState } from 'react';
import { clearLabels, importLabelsCsv, labelsCsv, setLabel, useLabels, type LabelImportResult } from '../../workspace/index.ts';
import { useSql } from '../../hooks/useSql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelledCasesQuery } from '../../queries/schema.ts';
import { downloadName, saveBlob } from '../download.ts';

export function LabelsPanel({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const { t, indicatorName } = useI18n();
  const labels = useLabels();
  const cases = useSql(labels.length ? labelledCasesQuery(labels.map((l) => l.case_id)) : null);
  const byId = new Map((cases.data ?? []).map((r) => [r.case_id, r]));
  const [result, setResult] = useState<LabelImportResult | { error: string } | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setResult(await importLabelsCsv(await file.text()));
    } catch (error) {
      setResult({ error: `${file.name}: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="ws-section" aria-label={t('lab.title')} data-testid="labels-panel">
      <h3>{t('lab.title')}</h3>
      <p className="card-note">{t('lab.hint')}</p>
      <div className="ws-actions">
        <button
          type="button"
          className="tool"
          data-testid="labels-export"
          disabled={labels.length === 0}
          onClick={() => saveBlob(new Blob([labelsCsv()], { type: 'text/csv;charset=utf-8' }), downloadName('labels', 'csv'))}
        >
          {t('lab.export')}
        </button>
        <label className="tool ws-choose-small">
          {t('lab.import')}
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="labels-input"
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" className="tool" disabled={labels.length === 0} onClick={() => void clearLabels()}>
          {t('lab.clear')}
        </button>
      </div>
      {result && 'error' in result && (
        <div className="ws-fail" role="alert">
          {result.error}
        </div>
      )}
      {result && 'applied' in result && (
        <div role="status" data-testid="labels-result">
          <p className="ws-ok">{t('lab.applied', { n: result.applied })}</p>
          {result.problems.length > 0 && (
            <div className="ws-fail" role="alert" data-testid="labels-problems">
              {t('lab.problems', { n: result.problems.length })}
              <ul>
                {result.problems.slice(0, 50).map((p) => (
                  <li key={`${p.line}-${p.message}`}>{t('lab.line', { line: p.line, message: p.message })}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {labels.length === 0 ? (
        <p className="muted">{t('lab.none')}</p>
      ) : (
        <ul className="ws-list" data-testid="labels-list">
          {labels.map((l) => {
            const c = byId.get(l.case_id);
            return (
              <li key={l.case_id} data-case-id={l.case_id}>
                <div className="ws-item-main">
                  <a
                    href={`?view=case&case=${encodeURIComponent(l.case_id)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpenCase(l.case_id);
                    }}
                  >
                    {c ? c.title : l.case_id}
                  </a>
                  <div className="muted">
                    {l.case_id} · <strong>{indicatorName(l.indicator)}</strong>
                    {c?.indicator_original ? ` · ${t('lab.from', { ind: indicatorName(c.indicator_original) })}` : ''}
                  </div>
                </div>
                <button type="button" className="tool" onClick={() => void setLabel(l.case_id, null)}>
                  {t('lab.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
