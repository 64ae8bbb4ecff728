import type { AppState } from '../state/filters.ts';
import type { UpdateState } from '../state/url-state.ts';

/** Every view is a component taking the URL state and the function that changes it. */
export interface ViewProps {
  state: AppState;
  update: UpdateState;
}
