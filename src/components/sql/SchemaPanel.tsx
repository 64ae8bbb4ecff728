// The console's schema: every table and view with its columns, types and an example value, so the
// analyst can write SQL without guessing names. Clicking a table puts a starter query in the editor.
import { useMemo, useState } from 'react';
import { useSql } from '../../db/useSql.ts';
import { examplesQuery, ident, schemaQuery } from '../../queries/schema.ts';
import type { Row } from '../../queries/types.ts';
import { useWorkText } from './text.ts';

interface TableInfo {
  name: string;
  isView: boolean;
  columns: { name: string; type: string }[];
}

function groupTables(rows: Row[]): TableInfo[] {
  const byName = new Map<string, TableInfo>();
  for (const r of rows) {
    const name = String(r.table_name);
    let info = byName.get(name);
    if (!info) byName.set(name, (info = { name, isView: String(r.table_type) === 'VIEW', columns: [] }));
    info.columns.push({ name: String(r.column_name), type: String(r.data_type) });
  }
  return [...byName.values()];
}

export function SchemaPanel({ onPick }: { onPick: (sql: string) => void }) {
  const wt = useWorkText();
  const schema = useSql(schemaQuery());
  const tables = useMemo(() => groupTables(schema.data ?? []), [schema.data]);
  const [open, setOpen] = useState<string>('cases');
  return (
    <section className="card sql-schema" aria-label={wt('sql.schema')}>
      <header className="card-header">
        <h3>{wt('sql.schema')}</h3>
      </header>
      <p className="card-note">{wt('sql.schemaHint')}</p>
      {schema.error && <p className="query-error">{schema.error.message}</p>}
      <ul className="sql-tables">
        {tables.map((t) => (
          <li key={t.name} data-schema-table={t.name}>
            <div className="sql-table-head">
              <button type="button" className="sql-table-toggle" aria-expanded={open === t.name} onClick={() => setOpen(open === t.name ? '' : t.name)}>
                {open === t.name ? '▾' : '▸'}
              </button>
              <button type="button" className="sql-table-name" title={`SELECT * FROM ${t.name}`} onClick={() => onPick(`SELECT *\nFROM ${ident(t.name)}\nLIMIT 100`)}>
                {t.name}
              </button>
              <span className="sql-kind">{t.isView ? wt('sql.view') : wt('sql.table')}</span>
            </div>
            {open === t.name && <TableColumns table={t} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TableColumns({ table }: { table: TableInfo }) {
  const wt = useWorkText();
  const examples = useSql(examplesQuery(table.name, table.columns.map((c) => c.name)));
  const example = examples.data?.[0];
  return (
    <div className="sql-columns">
      {example && <div className="card-note">{wt('sql.rowCount', { n: Number(example.__rows) })}</div>}
      <table>
        <thead>
          <tr>
            <th>{wt('sql.column')}</th>
            <th>{wt('sql.type')}</th>
            <th>{wt('sql.example')}</th>
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
