// The landing view's saved answers: the Overview's queries with no filter, in overview.json
// (hooks/useSnapshotSql.ts). Their SQL texts are known here, so a filtered query never waits for the file.
import { useSnapshotSql, type SnapshotResult, type SnapshotSource } from '../../hooks/useSnapshotSql.ts';
import { overviewSnapshotQueries } from '../../queries/overview.ts';
import { OVERVIEW_SNAPSHOT_FILE } from '../../queries/snapshot.ts';
import type { NamedQuery, Row } from '../../queries/types.ts';

const OVERVIEW_SOURCE: SnapshotSource = { file: OVERVIEW_SNAPSHOT_FILE, holds: new Set(overviewSnapshotQueries().map((q) => q.sql)) };

/** useSql for the Overview's charts: answered from overview.json until DuckDB answers (`live`: useSnapshotSql's). */
export function useOverviewSql<R extends Row = Row>(query: NamedQuery<R> | null, options?: { live?: boolean }): SnapshotResult<R> {
  return useSnapshotSql(query, OVERVIEW_SOURCE, options);
}
