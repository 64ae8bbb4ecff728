// Typed INSERT … VALUES statements from JS rows: every value written as a SQL literal of its column's type.
// The Node connector inserts this way; the browser goes through Arrow instead (db/import-arrow.ts), which is
// much faster for thousands of rows.
import type { SqlColumn } from './connector.ts';
import { ident, literal } from './quote.ts';

/** One JS value as a SQL literal of the column's type (null/undefined → NULL). */
export function sqlValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return 'NULL';
  const upper = type.toUpperCase();
  if (upper.endsWith('[]')) {
    if (!Array.isArray(value)) throw new Error(`expected a list for ${type}, got ${typeof value}`);
    const item = upper.slice(0, -2);
    return `[${value.map((v) => sqlValue(v, item)).join(', ')}]::${upper}`;
  }
  if (upper === 'BOOLEAN') return value ? 'true' : 'false';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|DOUBLE|FLOAT|REAL|DECIMAL.*)$/.test(upper)) {
    const n = Number(value);
    if (!Number.isFinite(n)) return 'NULL';
    return `CAST(${n} AS ${upper})`;
  }
  if (upper === 'DATE' || upper === 'TIMESTAMP') return `CAST(${literal(String(value))} AS ${upper})`;
  return literal(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * INSERT statements for `rows` into `table`, in chunks (a long document's bodies make big statements).
 * Only the table's own columns are written, by name; a column the rows lack is NULL.
 */
export function insertRowsSql(table: string, columns: SqlColumn[], rows: readonly object[], chunk = 100): string[] {
  const names = columns.map((c) => ident(c.name)).join(', ');
  const statements: string[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    const values = rows.slice(start, start + chunk).map((row) => {
      const record = row as Record<string, unknown>;
      return `(${columns.map((c) => sqlValue(record[c.name], c.type)).join(', ')})`;
    });
    statements.push(`INSERT INTO ${table} (${names}) VALUES\n${values.join(',\n')}`);
  }
  return statements;
}
