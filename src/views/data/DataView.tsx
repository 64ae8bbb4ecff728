// Data: the source documents, the ingest's data-quality report, the indicator taxonomy with what each
// covers, and the whole dataset to download (each Parquet file as is, each table as CSV).
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../components/DataTable.tsx';
import { documentTitle } from '../../components/documents/document-title.ts';
import { DocumentTitle, safeSourceUrl } from '../../components/documents/DocumentTitle.tsx';
import { saveCsv } from '../../components/download.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { runNamedQuery } from '../../db/duckdb.ts';
import { dataUrl } from '../../db/data-url.ts';
import { DATA_FILES, publicTableName } from '../../sql/tables.ts';
import { useSnapshotSql, type SnapshotSource } from '../../hooks/useSnapshotSql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { INDICATOR_NOTES } from '../../ingest/indicators.ts';
import { documentsQuery, tableCountsQuery, taxonomyQuery, wholeTableQuery } from '../../queries/data.ts';
import { VIEW_SNAPSHOT_FILES } from '../../queries/snapshot.ts';
import { QualityReportView } from './QualityReport.tsx';
import type { ViewProps } from '../types.ts';

// The view has no filter: no later question of it reads what its saved answers' queries read.
const DATA_SNAPSHOT: SnapshotSource = { file: VIEW_SNAPSHOT_FILES.data, warm: false };

function Documents() {
  const i18n = useI18n();
  const { t } = i18n;
  const query = documentsQuery();
  // The view shows no filtered content: its answers are always the saved ones until DuckDB's.
  const result = useSnapshotSql(query, DATA_SNAPSHOT);
  return (
    <section className="card" aria-label={t('data.documents')}>
      <header className="card-header">
        <h3>{t('data.documents')}</h3>
      </header>
      <QueryState result={result}>
        {(rows) => (
          <DataTable
            id={query.id}
            title={t('data.documents')}
            query={query}
            rows={rows}
            columns={[
              { key: 'province', header: t('col.province'), shown: 'province' },
              // Linked to where the notice was published; a title the notice does not state is composed, set apart.
              { key: 'title', header: t('col.title'), width: 320, value: (r) => documentTitle(r, i18n).text, render: (r) => <DocumentTitle doc={r} /> },
              { key: 'issuer', header: t('col.issuer'), width: 220 },
              { key: 'published', header: t('col.published') },
              { key: 'year', header: t('col.year'), numeric: true },
              { key: 'batch', header: t('col.batch'), numeric: true },
              { key: 'cases_listed', header: t('col.listed'), numeric: true },
              { key: 'cases_parsed', header: t('col.parsed'), numeric: true },
              {
                key: 'source_url',
                header: t('col.sourceUrl'),
                width: 260,
                render: (r) => {
                  const url = safeSourceUrl(r.source_url);
                  return url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer" className="break-all">
                      {url}
                    </a>
                  ) : (
                    <span className="v-muted">{t('doc.noSource')}</span>
                  );
                },
              },
              { key: 'source_file', header: t('col.sourceFile'), render: (r) => <span className="nowrap">{r.source_file}</span> },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

function Taxonomy() {
  const { t, lang } = useI18n();
  const query = taxonomyQuery();
  const result = useSnapshotSql(query, DATA_SNAPSHOT);
  const rows = result.data?.map((r) => ({ ...r, note: INDICATOR_NOTES[r.code]?.[lang] ?? '' }));
  return (
    <section className="card" aria-label={t('data.taxonomy')}>
      <header className="card-header">
        <h3>{t('data.taxonomy')}</h3>
      </header>
      <QueryState status={result.status} error={result.error} rows={rows}>
        {(rows) => (
          <DataTable
            id={query.id}
            title={t('data.taxonomy')}
            query={query}
            rows={rows}
            pageSize={30}
            columns={[
              { key: lang === 'zh' ? 'name_zh' : 'name_en', header: t('col.indicator') },
              { key: 'code', header: t('col.code') },
              { key: 'cases', header: t('col.cases'), numeric: true },
              { key: 'note', header: t('col.note'), width: 560 },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

function Downloads() {
  const { t, lang, count } = useI18n();
  const tables = DATA_FILES.map(publicTableName);
  const counts = useSnapshotSql(tableCountsQuery(tables), DATA_SNAPSHOT);
  const countOf = (table: string) => counts.data?.find((r) => r.table === table)?.n;
  const downloadCsv = async (table: string) => {
    const query = wholeTableQuery(table);
    const rows = await runNamedQuery(query);
    const columns = rows.length ? Object.keys(rows[0]).map((key) => ({ key, header: key })) : [];
    saveCsv(table, rows, columns);
  };
  return (
    <section className="card" aria-label={t('data.downloads')}>
      <header className="card-header">
        <h3>{t('data.downloads')}</h3>
      </header>
      {/* Scrolls sideways inside its card on a phone (file names never break), not the page. */}
      <div className="table-scroll">
        <table className="downloads">
          <thead>
            <tr>
              <th>{t('data.table')}</th>
              <th>{t('data.contents')}</th>
              <th className="num">{t('data.rowCount')}</th>
              <th>{t('data.parquet')}</th>
              <th>{t('data.csv')}</th>
            </tr>
          </thead>
          <tbody>
            {DATA_FILES.map((file) => {
              const table = publicTableName(file);
              const n = countOf(table);
              return (
                <tr key={file.file} data-download={table}>
                  <td>
                    <code>{table}</code>
                  </td>
                  <td>{file.label[lang]}</td>
                  <td className="num">{n === undefined ? '' : t('data.rows', { n: count(n) })}</td>
                  <td>
                    <a href={dataUrl(file.file)} download={file.file}>
                      {file.file}
                    </a>
                  </td>
                  <td>
                    <button type="button" className="tool" disabled={!n} onClick={() => void downloadCsv(table)}>
                      {table}.csv
                    </button>
                  </td>
                </tr>
              );
            })}
            <tr>
              <td>
                <code>quality</code>
              </td>
              <td>{t('data.quality')}</td>
              <td />
              <td>
                <a href={dataUrl('quality.json')} download="quality.json">
                  quality.json
                </a>
              </td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Quality() {
  const { t } = useI18n();
  const result = useQuery({
    queryKey: ['quality.json'],
    queryFn: async () => {
      const response = await fetch(dataUrl('quality.json'));
      if (!response.ok) throw new Error(`quality.json: HTTP ${response.status}`);
      return (await response.json()) as Record<string, unknown>;
    },
  });
  return (
    <section className="card" aria-label={t('data.quality')}>
      <header className="card-header">
        <h3>{t('data.quality')}</h3>
      </header>
      {result.error ? (
        <p className="query-error" role="alert">
          {t('data.qualityMissing')}
          {result.error.message}
        </p>
      ) : result.data ? (
        <QualityReportView report={result.data} />
      ) : (
        <p className="query-state">{t('chart.loading')}</p>
      )}
    </section>
  );
}

export function DataView(_props: ViewProps) {
  return (
    <div className="data-view">
      <Documents />
      <Quality />
      <Taxonomy />
      <Downloads />
    </div>
  );
}
