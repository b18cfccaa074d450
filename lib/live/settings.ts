import { intervalSeconds } from "@/lib/schedule/repeating-job";

/** Settings of the live update streams, from the environment (README, "Live updates"). */
export interface LiveSettings {
  heartbeatMs: number;
  replayMs: number;
  replayEntries: number;
  retryMs: number;
  maxQueuedBytes: number;
}

export function liveSettings(env: Record<string, string | undefined> = process.env): LiveSettings {
  const heartbeat = intervalSeconds(env.TIERDESK_STREAM_HEARTBEAT_SECONDS, 25);
  const replay = intervalSeconds(env.TIERDESK_STREAM_REPLAY_SECONDS, 120);
  return {
    heartbeatMs: (heartbeat > 0 ? heartbeat : 25) * 1000,
    replayMs: replay * 1000,
    replayEntries: 10_000,
    retryMs: 3_000,
    maxQueuedBytes: 1024 * 1024,
  };
}
