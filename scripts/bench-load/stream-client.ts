// One browser tab's live connection, as components/live/live-provider.tsx keeps it: GET /api/v1/stream with the
// session cookie, reopened with ?ticket= when a ticket page opens (and without it when the tab goes back to the
// queue) carrying the last event id, and after a dropped connection reconnected with the Last-Event-ID header
// after the server's retry delay, as EventSource does.
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { Instance } from "./http-client";
import type { Recorder } from "./recorder";

export interface StreamEvent {
  event: string;
  data: string;
  id: string | null;
  /** Epoch milliseconds when the chunk carrying it arrived. */
  at: number;
}

const wallNow = () => performance.timeOrigin + performance.now();
const ROUTE = "GET /api/v1/stream (to ready)";

export class StreamClient {
  private request: http.ClientRequest | null = null;
  private lastEventId: string | null = null;
  private retryMs = 3_000;
  private ticket: string | null = null;
  private closed = false;
  private ended = false;
  /** Connections made after the first (follows and reconnects). */
  reopened = 0;
  /** Connections that dropped without being closed here. */
  dropped = 0;

  constructor(
    private readonly instance: Instance,
    private readonly cookie: string,
    private readonly recorder: Recorder,
    private readonly onEvent: (event: StreamEvent) => void,
    private readonly agent: http.Agent,
  ) {}

  /** Opens the stream; resolves when the server said `ready` (false when it refused or failed). */
  open(): Promise<boolean> {
    return this.connect(false);
  }

  /** The tab moved to a ticket page (or back to the queue with null): a new EventSource, resuming after the last id. */
  follow(ticket: string | null): Promise<boolean> {
    if (this.closed || this.ended || ticket === this.ticket) return Promise.resolve(true);
    this.ticket = ticket;
    this.detach();
    this.reopened += 1;
    return this.connect(false);
  }

  close(): void {
    this.closed = true;
    this.detach();
  }

  private detach(): void {
    const request = this.request;
    this.request = null;
    request?.destroy();
  }

  private connect(reconnect: boolean): Promise<boolean> {
    const params = new URLSearchParams();
    if (this.ticket) params.set("ticket", this.ticket);
    // A new EventSource names the last id in the query; the browser's own reconnect sends the header.
    if (this.lastEventId && !reconnect) params.set("lastEventId", this.lastEventId);
    const headers: http.OutgoingHttpHeaders = { Cookie: this.cookie, Accept: "text/event-stream", "Cache-Control": "no-cache" };
    if (this.lastEventId && reconnect) headers["Last-Event-ID"] = this.lastEventId;
    const path = `/api/v1/stream${params.size ? `?${params}` : ""}`;
    const start = performance.now();

    return new Promise((resolve) => {
      let ready = false;
      let settled = false;
      const settle = (value: boolean) => {
        if (!settled) {
          settled = true;
          resolve(value);
        }
      };
      const request = http.request({ host: "127.0.0.1", port: this.instance.port, method: "GET", path, headers, agent: this.agent }, (res) => {
        if (res.statusCode !== 200) {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString("utf8")));
          res.on("end", () => {
            this.recorder.fail(ROUTE, res.statusCode ?? 0, text);
            settle(false);
          });
          return;
        }
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          const at = wallNow();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = this.parse(frame, at);
            if (!event) continue;
            if (event.event === "ready" && !ready) {
              ready = true;
              this.recorder.record(ROUTE, performance.now() - start);
              settle(true);
            }
            if (event.event === "end") this.ended = true;
            this.onEvent(event);
          }
        });
        res.on("close", () => {
          if (this.request !== request) return; // closed here, or replaced by a follow
          this.request = null;
          if (this.closed || this.ended) return;
          this.dropped += 1;
          this.recorder.fail(ROUTE, 0, `stream on ${this.instance.name} dropped${ready ? "" : " before ready"}`);
          settle(false);
          setTimeout(() => {
            if (!this.closed && !this.request) {
              this.reopened += 1;
              void this.connect(true);
            }
          }, this.retryMs).unref();
        });
      });
      request.on("error", (error) => {
        if (this.request !== request) return;
        this.recorder.fail(ROUTE, 0, `stream on ${this.instance.name}: ${error.message}`);
        settle(false);
      });
      this.request = request;
      request.end();
    });
  }

  /** One SSE frame (fields one per line); comments and retry-only frames update state and return null. */
  private parse(frame: string, at: number): StreamEvent | null {
    let event = "message";
    let data = "";
    let id: string | null = null;
    let any = false;
    for (const line of frame.split("\n")) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "retry") {
        this.retryMs = Number(value) || this.retryMs;
        continue;
      }
      any = true;
      if (field === "event") event = value;
      else if (field === "data") data = data ? `${data}\n${value}` : value;
      else if (field === "id") id = value;
    }
    if (id !== null) this.lastEventId = id;
    return any ? { event, data, id, at } : null;
  }
}
