// Renders public/data/quality.json (written by src/ingest/quality.ts). Known sections get a
// readable layout; any other section is still shown (generic table or JSON), so no flag is hidden.
import { DataTable, type TableColumn } from '../components/DataTable.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Row } from '../queries/types.ts';

type Json = Record<string, unknown>;

function isRecordOfScalars(value: unknown): value is Record<string, string | number | null> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v !== 'object');
}

function isArrayOfObjects(value: unknown): value is Json[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
}

function flatten(row: Json): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = Array.isArray(v) ? (v.every((x) => typeof x !== 'object') ? v : `${v.length}`) : typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
  }
  return out;
}

function columnsOf(rows: Json[]): TableColumn[] {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return keys.map((key) => ({ key, header: key, numeric: rows.some((r) => typeof r[key] === 'number') }));
}

function KeyValues({ id, values }: { id: string; values: Record<string, string | number | null> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <dl className="key-values" data-quality={id}>
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v === null ? '—' : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, title, value }: { id: string; title: string; value: unknown }) {
  if (value === undefined) return null;
  let body;
  if (isRecordOfScalars(value)) body = <KeyValues id={id} values={value} />;
  else if (isArrayOfObjects(value)) body = value.length ? <DataTable id={`quality.${id}`} rows={value.map(flatten)} columns={columnsOf(value)} pageSize={10} /> : <p className="muted">—</p>;
  else if (Array.isArray(value)) body = value.length ? <ul>{value.map((v, i) => <li key={i}>{String(v)}</li>)}</ul> : <p className="muted">—</p>;
  else body = <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
  return (
    <div className="quality-section" data-quality-section={id}>
      <h4>{title}</h4>
      {body}
    </div>
  );
}

/** Each document: listed vs parsed, then its unassigned lines (text, never HTML). */
function Documents({ documents }: { documents: Json[] }) {
  const { t } = useI18n();
  const rows = documents.map((d) => flatten({ ...d, unassigned: undefined }));
  for (const r of rows) delete r.unassigned;
  return (
    <div className="quality-section" data-quality-section="documents">
      <h4>{t('data.documents')}</h4>
      <DataTable id="quality.documents" rows={rows} columns={columnsOf(rows as Json[])} pageSize={10} />
      <h4>{t('data.unassigned')}</h4>
      {documents.map((d) => {
        const lines = Array.isArray(d.unassigned) ? (d.unassigned as { line_no?: number; text?: string }[]) : [];
        return (
          <details key={String(d.doc_id ?? d.source_file)} className="unassigned" open={lines.length > 0 && lines.length <= 5}>
            <summary>
              {String(d.source_file ?? d.doc_id)} — {lines.length}
            </summary>
            {lines.length > 0 && (
              <ol className="unassigned-lines">
                {lines.map((l, i) => (
                  <li key={i}>
                    <span className="line-no">{l.line_no}</span> {l.text}
                  </li>
                ))}
              </ol>
            )}
          </details>
        );
      })}
    </div>
  );
}

export function QualityReportView({ report }: { report: Json }) {
  const { t } = useI18n();
  const agreement = (report.classifier_agreement ?? null) as Json | null;
  const shown = new Set(['totals', 'flags', 'documents', 'classifier_agreement']);
  return (
    <div className="quality-report">
      <Section id="totals" title="totals" value={report.totals} />
      <div className="quality-section" data-quality-section="flags">
        <h4>{t('data.flags')}</h4>
        {isRecordOfScalars(report.flags) && Object.keys(report.flags).length > 0 ? <KeyValues id="flags" values={report.flags} /> : <p className="muted">{t('data.noFlags')}</p>}
      </div>
      {isArrayOfObjects(report.documents) && <Documents documents={report.documents} />}
      {agreement && (
        <div className="quality-section" data-quality-section="classifier_agreement">
          <h4>{t('data.agreement')}</h4>
          <KeyValues
            id="agreement"
            values={{
              agree: agreement.agree as number,
              total: agreement.total as number,
              rate: typeof agreement.rate === 'number' ? `${Math.round(agreement.rate * 1000) / 10}%` : null,
            }}
          />
          <Section id="disagreements" title="disagreements" value={agreement.disagreements} />
          <Section id="unmapped_headings" title="unmapped_headings" value={agreement.unmapped_headings} />
        </div>
      )}
      {Object.entries(report)
        .filter(([key]) => !shown.has(key))
        .map(([key, value]) => (
          <Section key={key} id={key} title={key} value={value} />
        ))}
    </div>
  );
}
