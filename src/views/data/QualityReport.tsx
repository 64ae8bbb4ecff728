// Renders public/data/quality.json (written by src/ingest/quality.ts). Known sections get a
// readable layout with headings and column names in the UI language; any other section or key is still
// shown (under its raw JSON name when the dictionary has no label for it), so no flag is hidden.
import type { ReactNode } from 'react';
import { cellText, DataTable, type TableColumn } from '../../components/DataTable.tsx';
import { DICT, flagKey, type DictKey } from '../../i18n/dict.ts';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import { ingestMessage } from '../../i18n/ingest-messages.ts';
import type { IngestMessage } from '../../ingest/messages.ts';
import type { Row } from '../../queries/types.ts';

type Json = Record<string, unknown>;

/** Keys whose values are identifiers (file names, ids): never broken mid-word. */
const IDENTIFIER_KEYS = new Set(['source_file', 'sourceFile', 'doc_id', 'case_id', 'duplicate_of']);

function isRecordOfScalars(value: unknown): value is Record<string, string | number | null> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => v === null || typeof v !== 'object');
}

function isArrayOfObjects(value: unknown): value is Json[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
}

/** An ingest message as the report holds it (an object, JSON text once flattened, or an old English sentence). */
function messageOf(value: unknown): IngestMessage | string {
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      return JSON.parse(value) as IngestMessage;
    } catch {
      return value;
    }
  }
  return typeof value === 'object' && value !== null ? (value as IngestMessage) : String(value ?? '');
}

function flatten(row: Json): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = Array.isArray(v) ? (v.every((x) => typeof x !== 'object') ? v : `${v.length}`) : typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
  }
  return out;
}

/** The translated label `<prefix><key>`, or the raw key when the dictionary has none (so new keys stay visible). */
function useLabel() {
  const { t } = useI18n();
  return (prefix: string, key: string): string => {
    const dictKey = `${prefix}${key}`;
    return dictKey in DICT ? t(dictKey as DictKey) : key;
  };
}

/** How one cell of a quality table is shown, chosen by its JSON key (generic: any section may use these keys). */
function renderCell(key: string, i18n: I18n, label: (prefix: string, key: string) => string): TableColumn['render'] {
  if (IDENTIFIER_KEYS.has(key)) return (row) => <span className="nowrap">{cellText(row[key])}</span>;
  if (key === 'province') return (row) => i18n.provinceName(row[key] as string | null);
  if (key.endsWith('_indicator')) return (row) => <span title={String(row[key] ?? '')}>{i18n.indicatorName(row[key] as string | null)}</span>;
  // `inferred`: which field, and where its value came from.
  if (key === 'field') return (row) => label('quality.col.', String(row[key] ?? ''));
  if (key === 'from') return (row) => label('quality.from.', String(row[key] ?? ''));
  if (key === 'value') return (row) => (row.field === 'province' ? i18n.provinceName(row[key] as string | null) : cellText(row[key]));
  return undefined;
}

function useColumns(rows: Json[]): TableColumn[] {
  const i18n = useI18n();
  const label = useLabel();
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return keys.map((key) => ({
    key,
    header: label('quality.col.', key),
    numeric: rows.some((r) => typeof r[key] === 'number'),
    render: renderCell(key, i18n, label),
    // `inferred`: how the value was found, said in the UI's language (table and download alike).
    ...(key === 'detail' ? { value: (row: Row) => ingestMessage(messageOf(row[key]), i18n.lang) } : {}),
  }));
}

function KeyValues({ id, values, labelOf }: { id: string; values: Record<string, string | number | null>; labelOf: (key: string) => ReactNode }) {
  const { count } = useI18n();
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <dl className="key-values" data-quality={id}>
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{labelOf(k)}</dt>
          {/* The report's numbers here are counts (totals, flags): grouped as the views write counts (1,497). */}
          <dd>{v === null ? '—' : typeof v === 'number' ? count(v) : v}</dd>
        </div>
      ))}
    </dl>
  );
}

function QualityTable({ id, rows }: { id: string; rows: Json[] }) {
  const columns = useColumns(rows);
  const label = useLabel();
  return <DataTable id={`quality.${id}`} title={label('quality.section.', id)} rows={rows.map(flatten)} columns={columns} pageSize={10} />;
}

function Section({ id, value }: { id: string; value: unknown }) {
  const { t } = useI18n();
  const label = useLabel();
  if (value === undefined) return null;
  let body;
  if (isRecordOfScalars(value)) body = <KeyValues id={id} values={value} labelOf={(k) => label(`quality.${id}.`, k)} />;
  else if (isArrayOfObjects(value)) body = value.length ? <QualityTable id={id} rows={value} /> : <p className="muted">{t('quality.none')}</p>;
  else if (Array.isArray(value)) body = value.length ? <ul>{value.map((v, i) => <li key={i}>{String(v)}</li>)}</ul> : <p className="muted">{t('quality.none')}</p>;
  else body = <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
  return (
    <div className="quality-section" data-quality-section={id}>
      <h4>{label('quality.section.', id)}</h4>
      {body}
    </div>
  );
}

/** Each document: announced / listed / parsed and line counts; its warnings and unassigned lines (text, never HTML) below the table. */
function Documents({ documents }: { documents: Json[] }) {
  const { t, lang } = useI18n();
  // Long lists stay out of the table (they made rows very tall): the table shows how many, the lists follow.
  const rows = documents.map(({ unassigned: _unassigned, warnings, ...rest }) => ({
    ...rest,
    warnings: Array.isArray(warnings) ? warnings.length : 0,
  }));
  const columns = useColumns(rows);
  const fileOf = (d: Json) => String(d.source_file ?? d.doc_id);
  const withWarnings = documents.filter((d) => Array.isArray(d.warnings) && d.warnings.length > 0);
  const withUnassigned = documents.filter((d) => Array.isArray(d.unassigned) && d.unassigned.length > 0);
  return (
    <div className="quality-section" data-quality-section="documents">
      <h4>{t('quality.section.documents')}</h4>
      <DataTable id="quality.documents" title={t('quality.section.documents')} rows={rows.map(flatten)} columns={columns} pageSize={10} />
      <h5>{t('quality.section.warnings')}</h5>
      {withWarnings.length ? (
        <ul className="quality-warnings" data-quality="warnings">
          {withWarnings.flatMap((d) =>
            (d.warnings as unknown[]).map((w, i) => (
              <li key={`${fileOf(d)}-${i}`}>
                <span className="nowrap">{fileOf(d)}</span>: {ingestMessage(messageOf(w), lang)}
              </li>
            )),
          )}
        </ul>
      ) : (
        <p className="muted">{t('quality.noWarnings')}</p>
      )}
      <h5>{t('data.unassigned')}</h5>
      {withUnassigned.length === 0 && <p className="muted">{t('quality.noUnassigned')}</p>}
      {withUnassigned.map((d) => {
        const lines = d.unassigned as { line_no?: number; text?: string }[];
        return (
          <details key={fileOf(d)} className="unassigned" open={lines.length <= 5}>
            <summary>
              <span className="nowrap">{fileOf(d)}</span> — {lines.length}
            </summary>
            <ol className="unassigned-lines">
              {lines.map((l, i) => (
                <li key={i}>
                  <span className="line-no">{l.line_no}</span> {l.text}
                </li>
              ))}
            </ol>
          </details>
        );
      })}
    </div>
  );
}

/** A flag: its label in the UI language, then its code (what the `flags` column of `cases` holds). */
function FlagLabel({ flag }: { flag: string }) {
  const { t } = useI18n();
  const key = flagKey(flag);
  return (
    <>
      {key ? `${t(key)} ` : ''}
      <code className="flag-code">{flag}</code>
    </>
  );
}

export function QualityReportView({ report }: { report: Json }) {
  const { t } = useI18n();
  const label = useLabel();
  const agreement = (report.classifier_agreement ?? null) as Json | null;
  const shown = new Set(['totals', 'flags', 'documents', 'classifier_agreement']);
  return (
    <div className="quality-report">
      <Section id="totals" value={report.totals} />
      <div className="quality-section" data-quality-section="flags">
        <h4>{t('data.flags')}</h4>
        {isRecordOfScalars(report.flags) && Object.keys(report.flags).length > 0 ? (
          <KeyValues id="flags" values={report.flags} labelOf={(k) => <FlagLabel flag={k} />} />
        ) : (
          <p className="muted">{t('data.noFlags')}</p>
        )}
      </div>
      {isArrayOfObjects(report.documents) && <Documents documents={report.documents} />}
      {agreement && (
        <div className="quality-section" data-quality-section="classifier_agreement">
          <h4>{t('data.agreement')}</h4>
          <KeyValues
            id="agreement"
            labelOf={(k) => label('quality.agreement.', k)}
            values={{
              agree: agreement.agree as number,
              total: agreement.total as number,
              rate: typeof agreement.rate === 'number' ? `${Math.round(agreement.rate * 1000) / 10}%` : null,
            }}
          />
          <Section id="disagreements" value={agreement.disagreements} />
          <Section id="unmapped_headings" value={agreement.unmapped_headings} />
        </div>
      )}
      {Object.entries(report)
        .filter(([key]) => !shown.has(key))
        .map(([key, value]) => (
          <Section key={key} id={key} value={value} />
        ))}
    </div>
  );
}
