// The console's schema: every table and view with its columns, types and an example value, so the
// analyst can write SQL without guessing names. Clicking a table puts a starter query in the editor.
import { useMemo, useState } from 'react';
import type { DictKey } from '../../i18n/dict.ts';
import { useSql } from '../../hooks/useSql.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { examplesQuery, ident, schemaQuery, type SchemaColumnRow } from '../../queries/schema.ts';

interface TableInfo {
  name: string;
  isView: boolean;
  columns: { name: string; type: string }[];
}

function groupTables(rows: SchemaColumnRow[]): TableInfo[] {
  const byName = new Map<string, TableInfo>();
  for (const r of rows) {
    const name = r.table_name;
    let info = byName.get(name);
    if (!info) byName.set(name, (info = { name, isView: r.table_type === 'VIEW', columns: [] }));
    info.columns.push({ name: r.column_name, type: r.data_type });
  }
  return [...byName.values()];
}

/**
 * The tables an analyst queries, in this order, each with a one-line note; every other object (base_*
 * over the published file, imported_*, pre-aggregates) is the app's plumbing and is listed apart, folded.
 */
export const ANALYST_TABLES = ['cases', 'cases_all', 'documents', 'metrics', 'similar', 'indicators', 'case_labels'];

function splitTables(tables: TableInfo[]): { analyst: TableInfo[]; internal: TableInfo[] } {
  const rank = (name: string) => ANALYST_TABLES.indexOf(name);
  const analyst = tables.filter((t) => rank(t.name) >= 0).sort((a, b) => rank(a.name) - rank(b.name));
  return { analyst, internal: tables.filter((t) => rank(t.name) < 0) };
}

export function SchemaPanel({ onPick }: { onPick: (sql: string) => void }) {
  const { t } = useI18n();
  const schema = useSql(schemaQuery());
  const tables = useMemo(() => groupTables(schema.data ?? []), [schema.data]);
  const [open, setOpen] = useState<string>('cases');
  const { analyst, internal } = splitTables(tables);
  const item = (table: TableInfo, note: boolean) => (
    <li key={table.name} data-schema-table={table.name}>
      <div className="sql-table-head">
        <button type="button" className="sql-table-toggle" aria-expanded={open === table.name} aria-label={table.name} onClick={() => setOpen(open === table.name ? '' : table.name)}>
          {open === table.name ? '▾' : '▸'}
        </button>
        <button type="button" className="sql-table-name" title={`SELECT * FROM ${table.name}`} onClick={() => onPick(`SELECT *\nFROM ${ident(table.name)}\nLIMIT 100`)}>
          {table.name}
        </button>
        <span className="sql-kind">{table.isView ? t('sql.view') : t('sql.table')}</span>
      </div>
      {note && <div className="sql-table-note">{t(`schema.note.${table.name}` as DictKey)}</div>}
      {open === table.name && <TableColumns table={table} />}
    </li>
  );
  return (
    <section className="card sql-schema" aria-label={t('sql.schema')}>
      <header className="card-header">
        <h3>{t('sql.schema')}</h3>
      </header>
      <p className="card-note">{t('sql.schemaHint')}</p>
      {schema.error && <p className="query-error">{schema.error.message}</p>}
      <ul className="sql-tables" data-testid="schema-analyst">{analyst.map((table) => item(table, true))}</ul>
      {internal.length > 0 && (
        <details className="sql-internal" data-testid="schema-internal">
          <summary>{t('schema.internal', { n: internal.length })}</summary>
          <p className="card-note">{t('schema.internalNote')}</p>
          <ul className="sql-tables">{internal.map((table) => item(table, false))}</ul>
        </details>
      )}
    </section>
  );
}

function TableColumns({ table }: { table: TableInfo }) {
  const { t } = useI18n();
  const examples = useSql(examplesQuery(table.name, table.columns.map((c) => c.name)));
  const example = examples.data?.[0];
  return (
    <div className="sql-columns">
      {example && <div className="card-note">{t('sql.rowCount', { n: Number(example.__rows) })}</div>}
      <table>
        <thead>
          <tr>
            <th>{t('sql.column')}</th>
            <th>{t('sql.type')}</th>
            <th>{t('sql.example')}</th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((c) => (
            <tr key={c.name}>
              <td>
                <code>{c.name}</code>
              </td>
              <td className="sql-type">{c.type}</td>
              <td className="sql-example">{example ? String(example[c.name] ?? 'NULL') : '…'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
