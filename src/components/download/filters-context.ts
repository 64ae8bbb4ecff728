// The filter bar's filters for the downloads of the view under it (null on a page the bar does not filter):
// provided once by the app shell, so a chart or table names its filters without every view passing them.
import { createContext, useContext } from 'react';
import type { Filters } from '../../state/filters.ts';

export const DownloadFilters = createContext<Filters | null>(null);

export function useDownloadFilters(): Filters | null {
  return useContext(DownloadFilters);
}
