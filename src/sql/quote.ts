// Quoting for SQL text: every value and name that did not come from our own source code goes through
// these two, in the browser and in Node alike.

/** A SQL literal: a string with its quotes doubled, or a finite number. */
export function literal(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  // DuckDB's parser ends a quoted string at a NUL character (a pasted ?q=%00 would fail as "unterminated
  // quoted string"), so a NUL is spelled chr(0) between the quoted pieces.
  const quoted = (piece: string) => `'${piece.replaceAll("'", "''")}'`;
  if (!value.includes('\0')) return quoted(value);
  return `(${value.split('\0').map(quoted).join(' || chr(0) || ')})`;
}

/** A quoted identifier (table, view or column name); always quoted, as `similar` is a DuckDB keyword. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
