// The workspace's own statements: typed INSERTs of imported rows, removing an imported document,
// replacing the analyst's labels. Pure (no browser API) so Node tests run the very same statements.

export interface SqlColumn {
  name: string;
  /** DuckDB type as DESCRIBE prints it: VARCHAR, INTEGER, DOUBLE, BOOLEAN, DATE, VARCHAR[] … */
  type: string;
}

/** A SQL string literal with quotes doubled. */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

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
  if (upper === 'DATE' || upper === 'TIMESTAMP') return `CAST(${stringLiteral(String(value))} AS ${upper})`;
  return stringLiteral(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * INSERT statements for `rows` into `table`, in chunks (a long document's bodies make big statements).
 * Only the table's own columns are written, by name; a column the rows lack is NULL.
 */
export function insertRowsSql(table: string, columns: SqlColumn[], rows: readonly object[], chunk = 100): string[] {
  const names = columns.map((c) => `"${c.name.replaceAll('"', '""')}"`).join(', ');
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

/** Statements that delete one imported document and its cases and figures. */
export function removeImportedSql(docId: string): string[] {
  const id = stringLiteral(docId);
  const cases = `(SELECT case_id FROM imported_cases WHERE doc_id = ${id})`;
  return [
    `DELETE FROM imported_similar WHERE case_id IN ${cases} OR other_case_id IN ${cases}`,
    `DELETE FROM imported_metrics WHERE case_id IN (SELECT case_id FROM imported_cases WHERE doc_id = ${id})`,
    `DELETE FROM imported_cases WHERE doc_id = ${id}`,
    `DELETE FROM imported_documents WHERE doc_id = ${id}`,
  ];
}

export interface LabelRow {
  case_id: string;
  indicator: string;
  /** ISO time the analyst set it. */
  labelled_at: string;
}

/** Replace all labels in the table by `labels` (the browser store is the source of truth). */
export function replaceLabelsSql(labels: readonly LabelRow[]): string[] {
  const columns: SqlColumn[] = [
    { name: 'case_id', type: 'VARCHAR' },
    { name: 'indicator', type: 'VARCHAR' },
    { name: 'labelled_at', type: 'TIMESTAMP' },
  ];
  const rows = labels.map((l) => ({ ...l, labelled_at: l.labelled_at.replace('T', ' ').replace(/Z$/, '') }));
  return ['DELETE FROM case_labels', ...insertRowsSql('case_labels', columns, rows, 500)];
}
