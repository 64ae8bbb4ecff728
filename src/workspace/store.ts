// A value that lives outside React (the analyst's imports and labels) and that components re-render on.
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  /** Replace the value and re-render every component that uses it. */
  set(next: T): void;
  /** React hook: the current value. */
  use(): T;
}

export function createStore<T>(initial: T): Store<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const get = () => current;
  return {
    get,
    set(next) {
      current = next;
      for (const listener of listeners) listener();
    },
    use: () => useSyncExternalStore(subscribe, get),
  };
}
