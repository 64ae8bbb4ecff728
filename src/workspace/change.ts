// Every change of the workspace tables (imports, labels) goes through here.
import { inTransaction, type Connector } from '../sql/connector.ts';
import { REFRESH_SUMMARY_SQL } from '../sql/workspace-views.ts';

/**
 * Run `statements` all-or-nothing, recomputing the Overview's case_summary in the same transaction, so no
 * query ever sees the summary and the cases disagree.
 */
export function changeWorkspace(conn: Connector, statements: string[]): Promise<void> {
  return inTransaction(conn, async () => {
    for (const sql of [...statements, ...REFRESH_SUMMARY_SQL]) await conn.exec(sql);
  });
}
