// Node only: the views' default states answered at export, so the browser draws a view before DuckDB-wasm has
// started (src/queries/snapshot.ts, hooks/useSnapshotSql.ts). Each file has a plan: the SAME named queries the
// view asks with no filter, asked in the view's own order — where a view picks what to ask next from an answer
// (Compare's indicator from the shares, the measures' dimension from the dimensions), the plan picks it from
// the same answer with the view's own function. They run in Node DuckDB over the exported dashboard.duckdb,
// opened as the browser opens it (src/sql/tables.ts). The browser uses a saved answer only for an identical SQL
// text; tests/export/snapshots.test.ts proves the rows equal a live run of the same SQL.
import path from 'node:path';
import { defaultIndicator } from '../components/compare/pick.ts';
import { INDICATOR_CODES } from '../ingest/indicators.ts';
import { searchCases } from '../queries/cases.ts';
import { COMPARE_CASES_PER_PROVINCE, compareCases, comparePairs, compareProvinces, compareShares } from '../queries/compare.ts';
import { documentsQuery, tableCountsQuery, taxonomyQuery } from '../queries/data.ts';
import { indicatorCaseCounts, indicatorCases, indicatorCountUnits, indicatorCounts, indicatorMoney } from '../queries/indicator.ts';
import { measureDimensions, measureRows, measureSummary, MEASURES_SHOWN_PER_PROVINCE, pickDimension } from '../queries/measures.ts';
import { overviewSnapshotQueries } from '../queries/overview.ts';
import { indicatorSnapshotFile, OVERVIEW_SNAPSHOT_FILE, VIEW_SNAPSHOT_FILES, type Snapshot } from '../queries/snapshot.ts';
import type { NamedQuery } from '../queries/types.ts';
import type { Connector } from '../sql/connector.ts';
import { DATA_FILES, publicTableName } from '../sql/tables.ts';
import { DEFAULT_STATE } from '../state/url-state.ts';
import { openAppTables } from './app-tables.ts';
import type { Logger } from './logger.ts';
import { writeJsonFile } from './parquet.ts';

/** Runs a query and hands back its rows, as the view's data hook would. */
export type Ask = <R extends object>(query: NamedQuery<R>) => Promise<R[]>;

/** One snapshot file: what to ask for it. */
export interface SnapshotPlan {
  file: string;
  ask: (ask: Ask) => Promise<void>;
}

const filters = DEFAULT_STATE.filters;

/** MeasuresPanel with no dimension chosen: the dimensions, then the picked one's rows and summary. */
async function askMeasures(ask: Ask, indicator: string, provinces?: string[]): Promise<void> {
  const base = { filters, indicator, provinces };
  const dimension = pickDimension(await ask(measureDimensions(base)), null);
  if (dimension === null) return;
  await ask(measureRows({ ...base, dimension, perProvince: MEASURES_SHOWN_PER_PROVINCE }));
  await ask(measureSummary({ ...base, dimension }));
}

/** The Indicator view with `indicator` shown and no filter (IndicatorView: its charts, list and measures). */
async function askIndicator(ask: Ask, indicator: string): Promise<void> {
  const params = { filters, indicator };
  await ask(indicatorCountUnits(params));
  await ask(indicatorCounts({ ...params, unit: null }));
  await ask(indicatorMoney(params));
  await ask(indicatorCases({ ...params, page: 0 }));
  await askMeasures(ask, indicator);
}

/** Every snapshot file with its plan, in the order an export writes them. */
export function snapshotPlans(): SnapshotPlan[] {
  const a = DEFAULT_STATE.compareA;
  const b = DEFAULT_STATE.compareB;
  return [
    {
      file: OVERVIEW_SNAPSHOT_FILE,
      ask: async (ask) => {
        for (const query of overviewSnapshotQueries()) await ask(query);
      },
    },
    {
      file: VIEW_SNAPSHOT_FILES.cases,
      ask: async (ask) => void (await ask(searchCases({ filters, search: '', sort: DEFAULT_STATE.sort, page: 0, simplify: null }))),
    },
    {
      file: VIEW_SNAPSHOT_FILES.data,
      ask: async (ask) => {
        await ask(documentsQuery());
        await ask(taxonomyQuery());
        await ask(tableCountsQuery(DATA_FILES.map(publicTableName)));
      },
    },
    {
      // The default provinces, and the indicator the view picks from their shares (none chosen).
      file: VIEW_SNAPSHOT_FILES.compare,
      ask: async (ask) => {
        await ask(compareProvinces());
        const indicator = defaultIndicator(await ask(compareShares({ filters, a, b })), DEFAULT_STATE.indicator);
        if (indicator === null) return;
        await ask(compareCases({ filters, a, b, indicator, perProvince: COMPARE_CASES_PER_PROVINCE }));
        await ask(comparePairs({ filters, a, b, indicator }));
        await askMeasures(ask, indicator, [a, b]);
      },
    },
    { file: VIEW_SNAPSHOT_FILES.indicator, ask: async (ask) => void (await ask(indicatorCaseCounts(filters))) },
    // Every indicator of the taxonomy: the URL may name any, and the view picks the largest when it names none.
    ...INDICATOR_CODES.map((code) => ({ file: indicatorSnapshotFile(code)!, ask: (ask: Ask) => askIndicator(ask, code) })),
  ];
}

/** Runs `plan` on `conn` (the app's tables): every query it asked, once, in the order asked, with its rows. */
export async function computeSnapshot(conn: Connector, plan: SnapshotPlan): Promise<Snapshot> {
  const queries: Snapshot['queries'] = [];
  const ask: Ask = async <R extends object>(query: NamedQuery<R>) => {
    const rows = await conn.query(query.sql);
    if (!queries.some((q) => q.sql === query.sql)) queries.push({ id: query.id, sql: query.sql, rows });
    // The rows of this query's SQL: of the row type it declares (the query tests check its columns).
    return rows as R[];
  };
  await plan.ask(ask);
  return { queries };
}

/** Writes every snapshot file beside the Parquet files of `dataDir`; `before` is called with each file's name. */
export async function writeSnapshots(dataDir: string, logger: Logger, before?: (file: string) => void | Promise<void>): Promise<void> {
  const tables = await openAppTables(dataDir);
  let queries = 0;
  try {
    const plans = snapshotPlans();
    for (const plan of plans) {
      await before?.(plan.file);
      const snapshot = await computeSnapshot(tables, plan);
      // Compact: each is fetched on its view's critical path.
      await writeJsonFile(path.join(dataDir, plan.file), snapshot, { compact: true });
      queries += snapshot.queries.length;
    }
    logger.info(`snapshots (the views' default states): ${plans.length} files, ${queries} queries`);
  } finally {
    tables.close();
  }
}
