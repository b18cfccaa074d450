// Graceful shutdown (scripts/serve.ts on SIGTERM or SIGINT): readiness turns 503 at once, the repeating jobs
// stop and their runs in progress finish, the hooks registered here run (the push module closes its streams),
// the server stops accepting connections and lets the requests in flight end, then the process exits, or is
// ended at TIERDESK_SHUTDOWN_SECONDS whatever is still running.

export interface ShutdownContext {
  /** Why: SIGTERM or SIGINT. */
  signal: string;
  /** How long a client should wait before reconnecting elsewhere, e.g. an SSE `retry:` field (add jitter if many reconnect). */
  reconnectAfterMs: number;
}

/** A hook may be async; shutdown waits for it (within the overall limit). A hook that throws is logged and skipped. */
export type ShutdownHook = (context: ShutdownContext) => void | Promise<void>;

export const RECONNECT_AFTER_MS = 1_000;

interface ShutdownState {
  hooks: Set<ShutdownHook>;
  since: number | null;
}

// On globalThis: hooks are registered from the route handlers' bundle and run from scripts/serve.ts.
const state: ShutdownState = ((globalThis as unknown as { tierdeskShutdown?: ShutdownState }).tierdeskShutdown ??= { hooks: new Set(), since: null });

/**
 * Registers `hook` to run once when the instance shuts down, e.g. `onShutdown(({ reconnectAfterMs }) =>
 * closeAllStreams(reconnectAfterMs))`. Returns a function that removes it again.
 */
export function onShutdown(hook: ShutdownHook): () => void {
  state.hooks.add(hook);
  return () => state.hooks.delete(hook);
}

export function isShuttingDown(): boolean {
  return state.since !== null;
}

/** Marks the instance as shutting down: readiness answers 503 from now on. */
export function beginShutdown(now = Date.now()): void {
  state.since ??= now;
}

/** Runs every registered hook side by side, once (after beginShutdown). */
export async function runShutdownHooks(signal: string): Promise<void> {
  beginShutdown();
  const hooks = [...state.hooks];
  state.hooks.clear();
  await Promise.all(
    hooks.map(async (hook) => {
      try {
        await hook({ signal, reconnectAfterMs: RECONNECT_AFTER_MS });
      } catch (error) {
        console.error("[tierdesk] A shutdown hook failed:", error);
      }
    }),
  );
}

/** Tests only. */
export function resetShutdownForTests(): void {
  state.hooks.clear();
  state.since = null;
}
