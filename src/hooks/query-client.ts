// One TanStack Query client for the app. Data only changes when the tables change (an import, a label),
// so results never go stale by time; call invalidateSql() after changing a table.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, gcTime: 10 * 60_000, retry: false, refetchOnWindowFocus: false },
  },
});

export const SQL_KEY = 'sql';

export function invalidateSql(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: [SQL_KEY] });
}
