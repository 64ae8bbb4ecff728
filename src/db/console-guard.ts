// Which statements the SQL console runs: only those that read. Pure, so it is unit-tested in Node.
// This is one of three guards (db/console.ts): DuckDB itself refuses writes in the console's read-only
// transaction, and external access is off and locked; this check adds what those do not cover — DETACH
// and ATTACH OR REPLACE are not writes to a table, yet they would take the published data away from the views.

/** First keywords of statements that only read (a parenthesised query starts with '('). */
const READING = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE', 'EXPLAIN', 'PIVOT', 'UNPIVOT', 'PRAGMA', '(']);

/** The statement's first keyword, upper case, after blanks and comments ('' for none). */
export function leadingKeyword(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.replace(/^\s+/, '');
    if (trimmed.startsWith('--')) {
      const end = trimmed.indexOf('\n');
      rest = end < 0 ? '' : trimmed.slice(end + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end < 0 ? '' : trimmed.slice(end + 2);
    } else {
      rest = trimmed;
      break;
    }
  }
  if (rest.startsWith('(')) return '(';
  return (/^[A-Za-z_]+/.exec(rest)?.[0] ?? '').toUpperCase();
}

/** The console refused a statement that does not only read; `keyword` is its first word. */
export class NotReadOnlyError extends Error {
  constructor(readonly keyword: string) {
    super(`the console only runs statements that read; ${keyword || 'this statement'} is not run`);
    this.name = 'NotReadOnlyError';
  }
}

/** Throws NotReadOnlyError unless the statement starts like one that reads. */
export function assertReadingStatement(sql: string): void {
  const keyword = leadingKeyword(sql);
  if (!READING.has(keyword)) throw new NotReadOnlyError(keyword);
}
