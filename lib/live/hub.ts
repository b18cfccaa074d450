import { randomBytes } from "node:crypto";
import type { ListenHandlers, StopListening } from "@/lib/db/pg-listener";
import type { Role, Tier } from "@/lib/db/generated/enums";
import { SESSION_MAX_AGE_SECONDS, sessionHolds } from "@/lib/auth/session-validity";
import { parseLiveChange, type LiveChange } from "./change";
import { messagesFor } from "./deliver";
import { formatEventId, parseEventId } from "./event-id";
import { ReplayWindow, type ReplayLimits } from "./replay-window";
import { sseComment, sseFrame } from "./sse";
import { queueTiersOf, type LiveSubscriber } from "./subscriber";

/** How a stream was signed in: what ends it. */
export type StreamAuth =
  | { kind: "session"; sid: string; authTime: number; role: Role }
  | { kind: "token"; tokenId: string; expiresAtMs: number | null; role: Role };

/** What the hub re-reads about a person when a change about them is announced. */
export interface StreamUser {
  active: boolean;
  role: Role;
  tier: Tier | null;
  secretChangedAt: Date | null;
  groups: string[];
}

/** Why a stream ended for good (sent as `event: end`; the browser does not reconnect). */
export type EndReason = "signed-out" | "expired" | "revoked";

export interface HubOptions {
  now(): Date;
  listen(handlers: ListenHandlers): Promise<StopListening>;
  loadUser(id: string): Promise<StreamUser | null>;
  heartbeatMs: number;
  replay: ReplayLimits;
  /** The reconnect delay the browser is told at the start of every stream. */
  retryMs: number;
  /** A stream whose reader has fallen this far behind is closed (it reconnects and resumes or refetches). */
  maxQueuedBytes: number;
  log(message: string): void;
}

const encoder = new TextEncoder();

/** One open stream. */
class Connection {
  closed = false;

  constructor(
    public subscriber: LiveSubscriber,
    readonly auth: StreamAuth,
    private readonly controller: ReadableStreamDefaultController<Uint8Array>,
    private readonly maxQueuedBytes: number,
    private readonly onClose: (connection: Connection) => void,
  ) {}

  /** Queues bytes for the browser; a reader too far behind is dropped rather than buffered without bound. */
  write(bytes: Uint8Array): void {
    if (this.closed) return;
    try {
      this.controller.enqueue(bytes);
    } catch {
      this.close(); // the reader went away between two writes
      return;
    }
    const desired = this.controller.desiredSize;
    if (desired !== null && desired < -this.maxQueuedBytes) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.controller.close();
    } catch {
      // Already cancelled by the reader.
    }
    this.onClose(this);
  }
}

/**
 * This instance's live updates: the one LISTEN connection, the replay window, and every open stream, to which
 * each committed change goes as its subscriber may see it (deliver.ts). Idle, it costs a heartbeat comment per
 * stream every `heartbeatMs` and no query; a change about a person (deactivated, new secret, groups) costs one
 * read of that person, and only while they have a stream open here.
 */
export class LiveHub {
  /** Names this process's event ids: another instance's or an earlier process's ids cannot be resumed here. */
  readonly instance = randomBytes(6).toString("hex");
  private readonly window: ReplayWindow<LiveChange>;
  private readonly connections = new Set<Connection>();
  private readonly byUser = new Map<string, Set<Connection>>();
  private listening: Promise<StopListening> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private closing = false;

  constructor(private readonly options: HubOptions) {
    this.window = new ReplayWindow(options.replay);
  }

  get openStreams(): number {
    return this.connections.size;
  }

  /** No new streams after a shutdown began. */
  get accepting(): boolean {
    return !this.closing;
  }

  /** Starts the LISTEN connection once; a failed start is tried again by the next stream. */
  start(): Promise<void> {
    this.listening ??= this.options
      .listen({ onPayload: (payload) => this.receive(payload), onReconnect: () => this.missed() })
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    return this.listening.then(() => undefined);
  }

  /**
   * A stream for `subscriber`, resuming after `lastEventId` when this instance still has what came since. It ends
   * when its reader cancels it or `signal` aborts (the browser left).
   */
  open(subscriber: LiveSubscriber, auth: StreamAuth, lastEventId: string | null, signal?: AbortSignal): ReadableStream<Uint8Array> {
    let connection: Connection | undefined;
    return new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          connection = new Connection(subscriber, auth, controller, this.options.maxQueuedBytes, (c) => this.remove(c));
          this.add(connection, lastEventId);
          if (signal?.aborted) connection.close();
          else signal?.addEventListener("abort", () => connection?.close(), { once: true });
        },
        cancel: () => connection?.close(),
      },
      { highWaterMark: 16 * 1024, size: (chunk) => chunk.byteLength },
    );
  }

  /** Tells every stream to reconnect after `retryMs` (to this instance once it is back, or another) and ends it. */
  closeAll(retryMs: number): void {
    this.closing = true;
    const hint = encoder.encode(sseFrame({ retry: retryMs }));
    for (const connection of [...this.connections]) {
      connection.write(hint);
      connection.close();
    }
  }

  /** Ends every stream and the LISTEN connection (tests, shutdown). */
  async stop(): Promise<void> {
    this.closeAll(this.options.retryMs);
    const listening = this.listening;
    this.listening = null;
    if (listening) await (await listening.catch(() => async () => {}))();
  }

  private add(connection: Connection, lastEventId: string | null): void {
    const nowMs = this.options.now().getTime();
    this.connections.add(connection);
    const own = this.byUser.get(connection.subscriber.id) ?? new Set();
    own.add(connection);
    this.byUser.set(connection.subscriber.id, own);

    connection.write(encoder.encode(sseFrame({ retry: this.options.retryMs })));
    let refetch = false;
    if (lastEventId !== null) {
      const seen = parseEventId(lastEventId);
      const answer = seen?.instance === this.instance ? this.window.since(seen.seq, nowMs) : ({ kind: "refetch" } as const);
      if (answer.kind === "resume") for (const entry of answer.entries) this.send(connection, entry.item, entry.seq);
      else refetch = true;
    }
    const id = formatEventId(this.instance, this.window.lastSeq);
    if (refetch) connection.write(encoder.encode(sseFrame({ event: "refetch", id, data: { reason: "missed" } })));
    connection.write(encoder.encode(sseFrame({ event: "ready", id, data: { instance: this.instance } })));
    this.startHeartbeat();
  }

  private remove(connection: Connection): void {
    this.connections.delete(connection);
    const own = this.byUser.get(connection.subscriber.id);
    own?.delete(connection);
    if (own?.size === 0) this.byUser.delete(connection.subscriber.id);
    if (this.connections.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private receive(payload: string): void {
    const change = parseLiveChange(payload);
    if (!change) {
      this.options.log(`[live] ignored a notification that is not a change: ${payload.slice(0, 200)}`);
      return;
    }
    switch (change.k) {
      case "user":
        void this.recheckUser(change.id);
        return;
      case "session":
        for (const c of [...this.connections]) if (c.auth.kind === "session" && c.auth.sid === change.sid) this.end(c, "signed-out");
        return;
      case "token":
        for (const c of [...this.connections]) if (c.auth.kind === "token" && c.auth.tokenId === change.id) this.end(c, "revoked");
        return;
      default: {
        const seq = this.window.push(change, this.options.now().getTime());
        const frames = new Map<string, Uint8Array>();
        for (const connection of this.connections) this.send(connection, change, seq, frames);
      }
    }
  }

  /** The LISTEN connection was down: whatever it missed is unknown, so every stream refetches (and none resumes across). */
  private missed(): void {
    const seq = this.window.gap(this.options.now().getTime());
    const frame = encoder.encode(sseFrame({ event: "refetch", id: formatEventId(this.instance, seq), data: { reason: "missed" } }));
    for (const connection of [...this.connections]) connection.write(frame);
  }

  /** The messages of one change for one stream; the last carries the change's id, so a resume after it starts past it. */
  private send(connection: Connection, change: LiveChange, seq: number, frames?: Map<string, Uint8Array>): void {
    const messages = messagesFor(connection.subscriber, change);
    messages.forEach((message, i) => {
      const text = sseFrame({ event: message.event, data: message.data, id: i === messages.length - 1 ? formatEventId(this.instance, seq) : undefined });
      let bytes = frames?.get(text);
      if (!bytes) {
        bytes = encoder.encode(text);
        frames?.set(text, bytes);
      }
      connection.write(bytes);
    });
  }

  private end(connection: Connection, reason: EndReason): void {
    connection.write(encoder.encode(sseFrame({ event: "end", data: { reason } })));
    connection.close();
  }

  /** A person changed: their sessions may no longer hold (ended), or their tier and groups moved (followed). */
  private async recheckUser(id: string): Promise<void> {
    if (!this.byUser.has(id)) return;
    let user: StreamUser | null;
    try {
      user = await this.options.loadUser(id);
    } catch (error) {
      this.options.log(`[live] could not re-read a user after a change: ${String(error)}`);
      return;
    }
    const now = this.options.now();
    for (const connection of [...(this.byUser.get(id) ?? [])]) {
      const { auth } = connection;
      const holds =
        user !== null &&
        (auth.kind === "session"
          ? sessionHolds({ authTime: auth.authTime, role: auth.role, revoked: false, user }, now)
          : user.active && user.role === auth.role);
      if (!holds) {
        this.end(connection, "signed-out");
        continue;
      }
      connection.subscriber = { ...connection.subscriber, queueTiers: queueTiersOf({ role: user!.role, tier: user!.tier }), groups: new Set(user!.groups) };
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    const comment = encoder.encode(sseComment("heartbeat"));
    this.heartbeat = setInterval(() => {
      const nowMs = this.options.now().getTime();
      for (const connection of [...this.connections]) {
        if (expired(connection.auth, nowMs)) this.end(connection, "expired");
        else connection.write(comment);
      }
    }, this.options.heartbeatMs);
    this.heartbeat.unref?.();
  }
}

function expired(auth: StreamAuth, nowMs: number): boolean {
  if (auth.kind === "session") return nowMs / 1000 - auth.authTime > SESSION_MAX_AGE_SECONDS;
  return auth.expiresAtMs !== null && auth.expiresAtMs <= nowMs;
}
