// The import preview: for each document read, what the ingest found — cases found vs announced, the layout
// it was read with, its titles, places, indicators with their evidence, flags, remarks, lines it placed
// nowhere — before anything joins the views. The analyst may correct the document's province / year /
// batch (the file is then read again with those values, so ids and every row agree), exclude cases, and
// confirm or cancel (cancel changes nothing).
import { useMemo, useState } from 'react';
import { keepCases, type ImportedDoc, type ImportFailure, type ImportOutcome, type PreviewDoc } from '../../workspace/index.ts';
import type { CaseRow, SourceHints } from '../../ingest/types.ts';
import { flagKey, PROVINCE_EN, type DictKey } from '../../i18n/dict.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ingestMessage } from '../../i18n/ingest-messages.ts';
import { FailureList } from './FailureList.tsx';

export interface PreviewChoice {
  /** The rows to insert: each previewed document minus its excluded cases (documents with none kept left out). */
  docs: ImportedDoc[];
}

interface Props {
  outcome: ImportOutcome;
  /** Files refused before reading (too large). */
  refused: ImportFailure[];
  onReread: (fileIndex: number, overrides: SourceHints) => void;
  onConfirm: (choice: PreviewChoice) => void;
  onCancel: () => void;
  /** Excluded cases (caseKey), kept by the caller so a re-read with corrections keeps them. */
  excluded: Set<string>;
  setExcluded: (update: (prev: Set<string>) => Set<string>) => void;
}

/** A case's key that survives a re-read with corrections (its id changes with province / year / batch). */
export const caseKey = (doc: PreviewDoc, c: CaseRow) => `${doc.fileIndex}:${c.seq}`;

export function ImportPreview({ outcome, refused, onReread, onConfirm, onCancel, excluded, setExcluded }: Props) {
  const { t } = useI18n();
  const toggle = (key: string) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const chosen = useMemo(
    () =>
      outcome.imported
        .map((doc) => keepCases(doc, doc.cases.filter((c) => excluded.has(caseKey(doc, c))).map((c) => c.case_id)))
        .filter((d) => d.cases.length > 0),
    [outcome, excluded],
  );
  const total = chosen.reduce((n, d) => n + d.cases.length, 0);
  const failures = [...refused, ...outcome.failures];
  return (
    <div className="imp-preview" data-testid="import-preview">
      <h4>{t('pre.title')}</h4>
      <p className="muted">{t('pre.note')}</p>
      {outcome.imported.map((doc) => (
        <PreviewDocument key={`${doc.fileIndex}:${doc.docId}`} doc={doc} excluded={excluded} onToggle={toggle} onReread={onReread} />
      ))}
      {failures.length > 0 && <FailureList failures={failures} />}
      <div className="imp-actions">
        <button type="button" className="ws-choose" data-testid="preview-confirm" disabled={total === 0} onClick={() => onConfirm({ docs: chosen })}>
          {t('pre.confirm', { n: total })}
        </button>
        <button type="button" className="tool" data-testid="preview-cancel" onClick={onCancel}>
          {t('pre.cancel')}
        </button>
      </div>
    </div>
  );
}

const PAGE = 50;

function PreviewDocument({
  doc,
  excluded,
  onToggle,
  onReread,
}: {
  doc: PreviewDoc;
  excluded: Set<string>;
  onToggle: (key: string) => void;
  onReread: Props['onReread'];
}) {
  const { t, lang, provinceName, placeName, levelName, indicatorName, collator } = useI18n();
  const d = doc.document;
  const [province, setProvince] = useState(d.province ?? '');
  const [year, setYear] = useState(d.year === null ? '' : String(d.year));
  const [batch, setBatch] = useState(d.batch === null ? '' : String(d.batch));
  const [shown, setShown] = useState(PAGE);
  const provinces = useMemo(() => Object.keys(PROVINCE_EN).sort((a, b) => collator.compare(provinceName(a), provinceName(b))), [collator, provinceName]);

  const changes: SourceHints = {};
  if (province && province !== (d.province ?? '')) changes.province = province;
  if (year && Number(year) !== d.year && /^\d{4}$/.test(year)) changes.year = Number(year);
  if (batch && Number(batch) !== d.batch && /^\d{1,2}$/.test(batch)) changes.batch = Number(batch);
  const changed = Object.keys(changes).length > 0;

  const excludedHere = doc.cases.filter((c) => excluded.has(caseKey(doc, c))).length;
  const mismatch = doc.casesAnnounced !== null && doc.casesAnnounced !== doc.cases.length;
  const fieldName = (f: string) => t(`pre.field.${f}` as DictKey);

  return (
    <article className="imp-doc" data-testid="preview-doc" data-file={doc.sourceFile}>
      <header className="imp-doc-head">
        <strong>{doc.sourceFile}</strong>
        {d.title && <span>{d.title}</span>}
      </header>
      <p className="imp-counts" data-testid="preview-counts">
        <span className={mismatch ? 'imp-warn' : undefined}>
          {t('pre.found', { n: doc.cases.length })} · {doc.casesAnnounced === null ? t('pre.announcedNone') : t('pre.announced', { n: doc.casesAnnounced })}
          {mismatch && ` — ${t('pre.mismatch')}`}
        </span>
        {excludedHere > 0 && <span> · {t('pre.excluded', { n: excludedHere })}</span>}
        {doc.layout && <span data-testid="preview-layout"> · {t('pre.layout', { layout: doc.layout })}</span>}
        <span className="muted"> · {t('pre.docId', { id: d.doc_id })}</span>
      </p>
      {excludedHere === doc.cases.length && <p className="imp-warn">{t('pre.allExcluded')}</p>}

      <form
        className="imp-correct"
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) onReread(doc.fileIndex, { ...doc.overrides, ...changes });
        }}
      >
        <label>
          {t('pre.province')}
          <select value={province} onChange={(e) => setProvince(e.target.value)} data-testid="preview-province">
            {!d.province && <option value="">{t('pre.unknown')}</option>}
            {provinces.map((p) => (
              <option key={p} value={p}>
                {provinceName(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('pre.year')}
          <input type="number" min={1990} max={2100} value={year} placeholder={t('pre.unknown')} onChange={(e) => setYear(e.target.value)} data-testid="preview-year" />
        </label>
        <label>
          {t('pre.batch')}
          <input type="number" min={1} max={99} value={batch} placeholder={t('pre.unknown')} onChange={(e) => setBatch(e.target.value)} data-testid="preview-batch" />
        </label>
        <button type="submit" className="tool" disabled={!changed} data-testid="preview-apply">
          {t('pre.apply')}
        </button>
      </form>

      {doc.origins.length > 0 && (
        <div className="muted imp-origins">
          {t('pre.origins')}
          <ul>
            {doc.origins.map((o) => (
              <li key={o.field}>
                {fieldName(o.field)} {o.field === 'province' ? provinceName(String(o.value)) : String(o.value)} — {ingestMessage(o.detail, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {doc.warnings.length > 0 && (
        <div className="imp-warn" data-testid="preview-warnings">
          {t('pre.warnings')}
          <ul>
            {doc.warnings.map((w, i) => (
              <li key={i}>{ingestMessage(w, lang)}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="imp-table-wrap">
        <table className="imp-table" data-testid="preview-cases">
          <thead>
            <tr>
              <th>{t('pre.col.keep')}</th>
              <th>#</th>
              <th>{t('pre.col.title')}</th>
              <th>{t('pre.col.place')}</th>
              <th>{t('pre.col.indicator')}</th>
              <th>{t('pre.col.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {doc.cases.slice(0, shown).map((c) => {
              const key = caseKey(doc, c);
              const out = excluded.has(key);
              return (
                <tr key={key} className={out ? 'imp-out' : undefined} data-seq={c.seq} data-case-id={c.case_id}>
                  <td>
                    <input type="checkbox" checked={!out} onChange={() => onToggle(key)} aria-label={`${t('pre.col.keep')} ${c.seq}`} data-testid="preview-keep" />
                  </td>
                  <td>{c.seq}</td>
                  <td className="imp-title">{c.title}</td>
                  <td data-testid="preview-place">
                    {[provinceName(c.province), placeName(c.city), placeName(c.county)].filter(Boolean).join(' ')}
                    <div className="muted">{levelName(c.level)}</div>
                  </td>
                  <td>
                    {indicatorName(c.indicator)}
                    <div className="muted">
                      {c.indicator_evidence.length > 0 ? c.indicator_evidence.join('、') : t('pre.noEvidence')}
                      {c.indicator_alts.length > 0 && c.indicator_evidence.length === 0 && (
                        <> · {t('pre.alts', { alts: c.indicator_alts.map((a) => indicatorName(a)).join('、') })}</>
                      )}
                    </div>
                  </td>
                  <td>
                    {c.flags.map((f) => {
                      const key = flagKey(f);
                      return (
                        <span key={f} className="imp-flag" data-flag={f}>
                          {key ? t(key) : f}
                        </span>
                      );
                    })}
                    {c.duplicate_of && (
                      <span className="imp-flag" data-flag="duplicate">
                        {t('pre.dupOf', { id: c.duplicate_of })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {doc.cases.length > shown && (
        <button type="button" className="tool" onClick={() => setShown((n) => n + PAGE)}>
          {t('pre.more', { n: Math.min(PAGE, doc.cases.length - shown) })}
        </button>
      )}

      {doc.unassigned.length > 0 && (
        <details className="imp-unassigned" data-testid="preview-unassigned">
          <summary>{t('pre.unassigned', { n: doc.unassigned.length })}</summary>
          <ol>
            {doc.unassigned.slice(0, 200).map((l) => (
              <li key={l.lineNo}>
                <span className="muted">{t('pre.line', { n: l.lineNo })}</span> {l.text}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}
