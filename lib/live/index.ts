// What other parts of the server use of live updates: the operators' metrics and graceful shutdown.
import { existingHub } from "./process-hub";

/** Streams open on this instance now. */
export function openStreamCount(): number {
  return existingHub()?.openStreams ?? 0;
}

/**
 * Shutdown: tells every open stream to reconnect after `retryMs` (a `retry:` field) and ends it; new streams are
 * refused with 503 from then on. The browsers come back on another instance (or this one restarted) with their
 * Last-Event-ID; an id this instance numbered cannot be resumed elsewhere, so they refetch.
 */
export function closeAllStreams(retryMs: number): void {
  existingHub()?.closeAll(retryMs);
}
