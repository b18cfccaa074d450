import type { LiveStatus } from "./live-events";

export interface StatusStore {
  get(): LiveStatus;
  /** What the server rendered with: the status while hydrating. */
  initial(): LiveStatus;
  set(next: LiveStatus | ((current: LiveStatus) => LiveStatus)): void;
  watch(onChange: () => void): () => void;
}

/** The live stream's status for useSyncExternalStore: one per tab, starting at `initial`. */
export function statusStore(initial: LiveStatus): StatusStore {
  let status = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    initial: () => initial,
    set(next) {
      const value = typeof next === "function" ? next(status) : next;
      if (value === status) return;
      status = value;
      for (const listener of listeners) listener();
    },
    watch(onChange) {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
  };
}
