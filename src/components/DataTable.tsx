// A sortable, paged table of rows; every value is rendered as text (React escapes it), never as HTML.
// Client-side by default. For server-side paging (big tables) pass `total`, `page`, `onPage`,
// `sort`, `onSort`: then `rows` is the current page only and the CSV button gets `csvRows` if given.
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { NamedQuery, Row } from '../queries/types.ts';
import { DownloadButtons } from './download/DownloadButtons.tsx';
import { shownValue, type DownloadColumn } from './download/shown.ts';
import { SqlDialog } from './SqlDialog.tsx';

/**
 * A column of rows `R` (the query's declared row type, so `render` and `value` read typed fields); `shown`
 * labels its cells (and its downloads) as the UI does — 福建省 / Fujian, a share as 1.2.
 */
export interface TableColumn<R extends Row = Row> extends DownloadColumn<R> {
  /** Custom cell (e.g. a link). Must not inject HTML. */
  render?: (row: R) => ReactNode;
  /** Right-align numbers. */
  numeric?: boolean;
  /** Max width in px (long text wraps). */
  width?: number;
  /** Leave out of the CSV (e.g. an action column). */
  noCsv?: boolean;
}

export interface DataTableProps<R extends Row = Row> {
  /** Used in download file names (a query id). */
  id: string;
  rows: R[];
  columns: TableColumn<R>[];
  pageSize?: number;
  caption?: string;
  /** The table's title for its downloads and SQL dialog (the card's heading); defaults to the caption. */
  title?: string;
  /** The query behind the table: shows the SQL button. */
  query?: NamedQuery<object>;
  /** Controlled sort: 'column' or '-column' (descending). */
  sort?: string;
  onSort?: (sort: string) => void;
  page?: number;
  onPage?: (page: number) => void;
  /** Total row count when `rows` is one page of a server-side result. */
  total?: number;
  /** Rows for the CSV button when `rows` is only a page. */
  csvRows?: R[];
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join('、');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

export function compareValues(a: unknown, b: unknown, collator: Intl.Collator): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // nulls last
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(cellText(a), cellText(b));
}

export function DataTable<R extends Row>(props: DataTableProps<R>) {
  const { id, rows, columns, pageSize = 20, caption, query } = props;
  const i18n = useI18n();
  const { t, collator } = i18n;
  const title = props.title ?? caption ?? id;
  const [localSort, setLocalSort] = useState('');
  const [localPage, setLocalPage] = useState(0);
  const [showSql, setShowSql] = useState(false);
  const serverSide = props.total !== undefined;
  const sort = props.sort ?? localSort;
  const page = props.page ?? localPage;
  const setSort = props.onSort ?? setLocalSort;
  const setPage = props.onPage ?? setLocalPage;

  const sorted = useMemo(() => {
    if (serverSide || !sort) return rows;
    const desc = sort.startsWith('-');
    const key = desc ? sort.slice(1) : sort;
    return [...rows].sort((a, b) => (desc ? -1 : 1) * compareValues(a[key], b[key], collator));
  }, [rows, sort, serverSide, collator]);

  const total = props.total ?? rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = serverSide ? rows : sorted.slice(current * pageSize, current * pageSize + pageSize);

  const toggleSort = (key: string) => {
    setSort(sort === key ? `-${key}` : sort === `-${key}` ? '' : key);
    if (!props.onSort) setLocalPage(0);
  };
  const csvColumns = columns.filter((c) => !c.noCsv);

  return (
    <div className="data-table" data-table-id={id}>
      <div className="table-tools">
        {caption && <span className="table-caption">{caption}</span>}
        <span className="spacer" />
        <DownloadButtons spec={{ id, title, sql: query?.sql, rows: props.csvRows ?? sorted, columns: csvColumns }} />
        {query && (
          <button type="button" className="tool" title={t('chart.sqlTitle')} onClick={() => setShowSql(true)}>
            {t('chart.sql')}
          </button>
        )}
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map((c) => {
                const dir = sort === c.key ? 'ascending' : sort === `-${c.key}` ? 'descending' : 'none';
                return (
                  <th key={c.key} aria-sort={dir} className={c.numeric ? 'num' : undefined} style={c.width ? { maxWidth: c.width } : undefined}>
                    <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                      {c.header}
                      <span className="sort-mark" aria-hidden="true">
                        {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.key} data-label={c.header} className={c.numeric ? 'num' : undefined} style={c.width ? { maxWidth: c.width } : undefined}>
                    {c.render ? c.render(row) : cellText(c.value ? c.value(row, i18n) : shownValue(row[c.key], c.shown, i18n))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label="pages">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('table.prev')}
          </button>
          <span>{t('table.page', { page: current + 1, pages, rows: total })}</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('table.next')}
          </button>
        </nav>
      )}
      {showSql && query && <SqlDialog query={query} title={title} onClose={() => setShowSql(false)} />}
    </div>
  );
}
