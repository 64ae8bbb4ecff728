// Rows a view keeps in memory per item (Compare's kept rows per indicator, the measures panel's stored rows per
// indicator and dimension), read in the background: the current item's once the view's own answers for it are in
// (not queued before them on DuckDB's single worker), then, one read at a time, those of the items a next filter
// change may show — such a change then asks no query. The items read so far stay wanted: back on one, its rows are
// in the query cache.
import { useCallback, useState } from 'react';
import type { NamedQuery } from '../queries/types.ts';
import { useSavedBackgroundRows } from './useSnapshotSql.ts';
import { whenIdle } from './when-idle.ts';

/** How long landed rows may wait for an idle moment to be prepared (`prepare`). */
const PREPARE_WITHIN_MS = 2000;

export interface ReadAhead<R extends object> {
  /** The current item's rows, once read (not before, nor while re-read after a workspace change). */
  rows: R[] | undefined;
  /** The current item may be read now: called from the render in which the view's own answers for it are in. */
  markCurrent(): void;
}

const noFile = () => null;

/** The first of `items` whose key is not among those read: the next to read ahead. */
export function firstUnread<T>(items: readonly T[], keyOf: (item: T) => string, read: ReadonlySet<string>): T | undefined {
  return items.find((item) => !read.has(keyOf(item)));
}

/**
 * `current`'s rows (`queryOf(current)`, a background read) once it was marked (`markCurrent`), and the next items'
 * read ahead one at a time once those rows are in. `keyOf` tells items apart (two items of one key are one read).
 * `savedIn`: the snapshot file that may hold an item's rows, saved at export (useSavedBackgroundRows; null: none):
 * those it holds cost DuckDB nothing when they stand, the others are asked; a file is fetched once an item of it is
 * due. `prepare`: work on rows read ahead that the change needing them would otherwise do (grouping and sorting
 * thousands of rows, cached per rows read): done when the page is next idle after they land, not in that change.
 */
export function useReadAhead<T, R extends object>(
  current: T | null,
  next: readonly T[],
  keyOf: (item: T) => string,
  queryOf: (item: T) => NamedQuery<R>,
  savedIn: (item: T) => string | null = noFile,
  prepare?: (rows: R[]) => void,
): ReadAhead<R> {
  const [read, setRead] = useState<ReadonlySet<string>>(new Set());
  // Called from render (React's "state from the previous render" pattern): only when the key is new, else it would
  // render again for ever.
  const add = useCallback((key: string) => setRead((was) => (was.has(key) ? was : new Set([...was, key]))), []);
  const currentKey = current === null ? null : keyOf(current);
  const rows = useSavedBackgroundRows(current !== null && read.has(currentKey!) ? queryOf(current) : null, current === null ? null : savedIn(current));
  // After the current rows: never two reads ahead on the worker at once, nor one before the rows a change needs first.
  const ahead = rows ? firstUnread(next, keyOf, read) : undefined;
  const aheadRows = useSavedBackgroundRows(ahead === undefined ? null : queryOf(ahead), ahead === undefined ? null : savedIn(ahead));
  if (ahead !== undefined && aheadRows) {
    add(keyOf(ahead));
    // From this render, the one in which they landed (the next reads the next item): `prepare` is idempotent.
    if (prepare) whenIdle(() => prepare(aheadRows), { timeoutMs: PREPARE_WITHIN_MS });
  }
  const markCurrent = () => {
    if (currentKey !== null && !read.has(currentKey)) add(currentKey);
  };
  return { rows, markCurrent };
}
