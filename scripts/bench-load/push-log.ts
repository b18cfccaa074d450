// What the streams received, per person: every notification id (to find lost and duplicated ones), and a
// sample per queue, ticket and notification event with its arrival time (for the push latency), plus the
// refetches a browser tab would make on them (components/live/use-live-refresh.ts: 250 ms debounce).
import type { StreamEvent } from "./stream-client";

export type PushKind = "queue" | "ticket" | "notification";

export interface PushSample {
  kind: PushKind;
  number: string | null;
  version: number | null;
  notification: number | null;
  at: number;
}

const BROWSER_DEBOUNCE_MS = 250;

export class PushLog {
  /** Person (User.id) → notification id → times received. */
  readonly notifications = new Map<string, Map<number, number>>();
  readonly samples: PushSample[] = [];
  readonly eventCounts = new Map<string, number>();
  /** Refetches a visible browser tab would have made on these events (queue list; the bell). */
  readonly impliedRefetches = { queue: 0, bell: 0 };
  private readonly pending = new Map<string, { queue: number; bell: number }>();
  /** Only events of the measured window (and the drain after it) count. */
  counting = false;

  receive(personId: string, event: StreamEvent): void {
    if (!this.counting) return;
    this.eventCounts.set(event.event, (this.eventCounts.get(event.event) ?? 0) + 1);
    let data: { number?: string; version?: number; id?: number };
    try {
      data = event.data ? (JSON.parse(event.data) as typeof data) : {};
    } catch {
      this.eventCounts.set("(unparsable)", (this.eventCounts.get("(unparsable)") ?? 0) + 1);
      return;
    }
    const debounce = this.pending.get(personId) ?? { queue: 0, bell: 0 };
    this.pending.set(personId, debounce);
    switch (event.event) {
      case "queue":
        this.samples.push({ kind: "queue", number: data.number ?? null, version: null, notification: null, at: event.at });
        if (event.at >= debounce.queue) {
          this.impliedRefetches.queue += 1;
          debounce.queue = event.at + BROWSER_DEBOUNCE_MS;
        }
        return;
      case "ticket":
        this.samples.push({ kind: "ticket", number: data.number ?? null, version: data.version ?? null, notification: null, at: event.at });
        return;
      case "notification": {
        const id = Number(data.id);
        const mine = this.notifications.get(personId) ?? new Map<number, number>();
        this.notifications.set(personId, mine);
        mine.set(id, (mine.get(id) ?? 0) + 1);
        this.samples.push({ kind: "notification", number: null, version: null, notification: id, at: event.at });
        if (event.at >= debounce.bell) {
          this.impliedRefetches.bell += 1;
          debounce.bell = event.at + BROWSER_DEBOUNCE_MS;
        }
        return;
      }
      default:
        return;
    }
  }
}
