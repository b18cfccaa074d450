import { processDatabase } from "@/lib/db/client";
import { LIVE_CHANNEL } from "./change";
import { LiveHub } from "./hub";
import { liveSettings } from "./settings";
import { loadStreamUser } from "./stream-user";

// On globalThis: Next.js bundles route handlers, instrumentation and the server script apart, and each
// would otherwise get a hub (and a LISTEN connection) of its own.
const holder = globalThis as unknown as { tierdeskLiveHub?: LiveHub };

/** This process's hub: one LISTEN connection on the process's database, shared by every stream. */
export function processHub(): LiveHub {
  if (!holder.tierdeskLiveHub) {
    const settings = liveSettings();
    holder.tierdeskLiveHub = new LiveHub({
      now: () => new Date(),
      listen: (handlers) => processDatabase().connection.listen(LIVE_CHANNEL, handlers),
      loadUser: loadStreamUser,
      heartbeatMs: settings.heartbeatMs,
      replay: { maxEntries: settings.replayEntries, maxAgeMs: settings.replayMs },
      retryMs: settings.retryMs,
      maxQueuedBytes: settings.maxQueuedBytes,
      log: (message) => console.warn(message),
    });
  }
  return holder.tierdeskLiveHub;
}

/** The hub if one was made in this process (metrics and shutdown must not start one). */
export function existingHub(): LiveHub | undefined {
  return holder.tierdeskLiveHub;
}

/** Tests: forget the process's hub (after stopping it). */
export function resetProcessHub(): void {
  holder.tierdeskLiveHub = undefined;
}
