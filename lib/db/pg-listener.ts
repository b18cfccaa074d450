import pg from "pg";

/** What a LISTEN connection tells its owner. */
export interface ListenHandlers {
  /** A notification on the channel, in commit order. */
  onPayload(payload: string): void;
  /**
   * The connection was lost and is listening again: notifications sent in between are gone, so whatever was
   * derived from them must be fetched afresh.
   */
  onReconnect(): void;
}

/** Stops listening and closes the connection. */
export type StopListening = () => Promise<void>;

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 15_000;

/**
 * One dedicated PostgreSQL connection that LISTENs on `channel`, outside the pool (a pooled connection is
 * handed to others between queries and would miss notifications). It resolves once the LISTEN holds; if the
 * connection drops later it reconnects with a growing delay and reports the gap (onReconnect). TCP keep-alive
 * finds a dead peer without any query on an idle system.
 */
export async function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<StopListening> {
  let stopped = false;
  let client: pg.Client | null = null;
  let delay = RECONNECT_MIN_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, keepAlive: true, application_name: "tierdesk-live" });
    next.on("notification", (message) => {
      if (message.channel === channel) handlers.onPayload(message.payload ?? "");
    });
    const lost = () => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners("end");
      void next.end().catch(() => {});
      if (!stopped) retry();
    };
    next.on("error", lost);
    next.on("end", lost);
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      next.removeAllListeners("end");
      await next.end().catch(() => {});
      throw error;
    }
    client = next;
  };

  const retry = () => {
    timer = setTimeout(async () => {
      try {
        await connect();
        delay = RECONNECT_MIN_MS;
        if (stopped) await client?.end().catch(() => {});
        else handlers.onReconnect();
      } catch {
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
        if (!stopped) retry();
      }
    }, delay);
    timer.unref?.();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const open = client;
    client = null;
    await open?.end().catch(() => {});
  };
}
