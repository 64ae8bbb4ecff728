// One TanStack Query client for the app. Data only changes when the tables change (an import, a label),
// so results never go stale by time; call invalidateSql() after changing a table.
import { QueryClient } from '@tanstack/react-query';
import { markSnapshotsOutdated } from './snapshot-trust.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, gcTime: 10 * 60_000, retry: false, refetchOnWindowFocus: false },
  },
});

export const SQL_KEY = 'sql';

export function invalidateSql(): Promise<void> {
  // The tables differ from the published data's now: the views' saved answers no longer hold.
  markSnapshotsOutdated();
  return queryClient.invalidateQueries({ queryKey: [SQL_KEY] });
}
