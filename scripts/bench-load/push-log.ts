// What the streams received, per person: every notification id (to find lost and duplicated ones), and a
// sample per queue, ticket and notification event with its arrival time (for the push latency), plus the
// refetches a browser tab in view would make on them (components/live/use-live-refresh.ts, on lib/live/refetch-pace.ts).
import { refetchDelay, type LastRefetch } from "../../lib/live/refetch-pace";
import type { StreamEvent } from "./stream-client";

export type PushKind = "queue" | "ticket" | "notification";

export interface PushSample {
  kind: PushKind;
  number: string | null;
  version: number | null;
  notification: number | null;
  at: number;
}

export type RefetchKind = "queue" | "bell";

export class PushLog {
  /** Person (User.id) → notification id → times received. */
  readonly notifications = new Map<string, Map<number, number>>();
  readonly samples: PushSample[] = [];
  readonly eventCounts = new Map<string, number>();
  /** Per refetch kind, per person: when the events that would make a tab in view refetch arrived. */
  private readonly refetchCauses = { queue: new Map<string, number[]>(), bell: new Map<string, number[]>() };
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
    switch (event.event) {
      case "queue":
        this.samples.push({ kind: "queue", number: data.number ?? null, version: null, notification: null, at: event.at });
        this.cause("queue", personId, event.at);
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
        this.cause("bell", personId, event.at);
        return;
      }
      default:
        return;
    }
  }

  /**
   * The refetches tabs in view would have made on these events, paced as the browser paces them, each taking
   * `serverMs` (the route's measured median): a refetch that is waiting covers every event before it starts;
   * an event while one runs makes one more after it ends.
   */
  impliedRefetches(kind: RefetchKind, serverMs: number): number {
    let count = 0;
    for (const times of this.refetchCauses[kind].values()) {
      let last: LastRefetch | null = null;
      for (const at of times) {
        if (last && last.startedAt >= at) continue;
        const from: number = last && at < last.startedAt + last.durationMs ? last.startedAt + last.durationMs : at;
        last = { startedAt: from + refetchDelay(from, last), durationMs: serverMs };
        count += 1;
      }
    }
    return count;
  }

  private cause(kind: RefetchKind, personId: string, at: number): void {
    const times = this.refetchCauses[kind].get(personId) ?? [];
    this.refetchCauses[kind].set(personId, times);
    times.push(at);
  }
}
