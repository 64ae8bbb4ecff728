// The database API for the rest of the app.
export { DataFileError, getDb, runQuery, tablesReady } from './duckdb.ts';
export { getLoadStep, subscribeLoad, type LoadStep } from './load-progress.ts';
export { invalidateSql, queryClient } from './query-client.ts';
export { DATA_FILES, dataUrl, publicTableName, type DataFile } from './tables.ts';
export { useSql, type SqlResult } from './useSql.ts';
