// Quoting for SQL text: every value and name that did not come from our own source code goes through
// these two, in the browser and in Node alike.

/** A SQL literal: a string with its quotes doubled, or a finite number. */
export function literal(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** A quoted identifier (table, view or column name); always quoted, as `similar` is a DuckDB keyword. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
