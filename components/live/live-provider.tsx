"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { LIVE_EVENT_NAMES, reopenDelayMs, streamUrl, type LiveEventData, type LiveEventName, type LiveStatus } from "./live-events";
import { statusStore, type StatusStore } from "./status-store";

type Handler<N extends LiveEventName> = (data: LiveEventData[N]) => void;

interface LiveContext {
  /**
   * Read with useSyncExternalStore, not carried as a value: a context value that changes while part of the page is
   * still streaming in makes React render that part afresh instead of hydrating it, and the server's copy stays in
   * the document (hidden) until React's reveal removes it: a moment with every queue row twice.
   */
  status: StatusStore;
  subscribe<N extends LiveEventName>(name: N, handler: Handler<N>): () => void;
  /** The ticket page: follow this ticket's changes (one at a time per tab). */
  follow(ticket: string): () => void;
}

const Context = createContext<LiveContext | null>(null);

/** A blip (a server restart telling us to come back, a proxy timeout) does not show as "paused" unless it lasts. */
const PAUSED_AFTER_MS = 2_000;

/**
 * The tab's one live connection (EventSource on /api/v1/stream), shared by everything on the page that updates on
 * push: the queue, the bell, the ticket page, the portal. It follows the ticket open in the tab, reopens after a
 * refusal with a growing delay, resumes where it left off (Last-Event-ID), and stops for good when the server says
 * the session ended.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => statusStore("connecting"));
  const setStatus = store.set;
  const status = useSyncExternalStore(store.watch, store.get, store.initial);
  const [ticket, setTicket] = useState<string | null>(null);
  const handlers = useRef(new Map<LiveEventName, Set<Handler<LiveEventName>>>());
  const lastEventId = useRef<string | null>(null);
  const ended = useRef(false);

  const subscribe = useCallback(<N extends LiveEventName>(name: N, handler: Handler<N>) => {
    const set = handlers.current.get(name) ?? new Set();
    set.add(handler as Handler<LiveEventName>);
    handlers.current.set(name, set);
    return () => void set.delete(handler as Handler<LiveEventName>);
  }, []);

  const follow = useCallback((number: string) => {
    setTicket(number);
    return () => setTicket((current) => (current === number ? null : current));
  }, []);

  useEffect(() => {
    if (ended.current) return;
    let source: EventSource | null = null;
    let failures = 0;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let pause: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const dispatch = (name: LiveEventName, event: MessageEvent<string>) => {
      if (event.lastEventId) lastEventId.current = event.lastEventId;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      for (const handler of handlers.current.get(name) ?? []) handler(data as LiveEventData[LiveEventName]);
    };

    const down = () => {
      pause ??= setTimeout(() => setStatus((s) => (s === "ended" ? s : "paused")), PAUSED_AFTER_MS);
    };

    const open = () => {
      source = new EventSource(streamUrl(ticket, lastEventId.current));
      source.addEventListener("ready", (event) => {
        if ((event as MessageEvent).lastEventId) lastEventId.current = (event as MessageEvent).lastEventId;
        failures = 0;
        clearTimeout(pause);
        pause = undefined;
        setStatus("open");
      });
      for (const name of LIVE_EVENT_NAMES) source.addEventListener(name, (event) => dispatch(name, event as MessageEvent<string>));
      source.addEventListener("end", () => {
        ended.current = true;
        source?.close();
        clearTimeout(pause);
        setStatus("ended");
      });
      source.onerror = () => {
        down();
        // CONNECTING: the browser reconnects by itself (with Last-Event-ID). CLOSED: it was refused; try later.
        if (source?.readyState === EventSource.CLOSED && !stopped && !ended.current) {
          failures += 1;
          reopen = setTimeout(open, reopenDelayMs(failures));
        }
      };
    };

    open();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(reopen);
      clearTimeout(pause);
    };
  }, [ticket, setStatus]);

  const value = useMemo(() => ({ status: store, subscribe, follow }), [store, subscribe, follow]);
  return (
    <Context.Provider value={value}>
      <div className="contents" data-live-state={status}>
        {children}
      </div>
    </Context.Provider>
  );
}

/** Outside a LiveProvider (a page without one), nothing is live: everything polls as before. */
const OFFLINE: LiveContext = { status: statusStore("paused"), subscribe: () => () => {}, follow: () => () => {} };

export function useLive(): Omit<LiveContext, "status"> & { status: LiveStatus } {
  const { status, subscribe, follow } = useContext(Context) ?? OFFLINE;
  return { status: useSyncExternalStore(status.watch, status.get, status.initial), subscribe, follow };
}

/** Runs `handler` for each `name` event while mounted (the latest handler, without resubscribing). */
export function useLiveEvent<N extends LiveEventName>(name: N, handler: Handler<N>): void {
  const { subscribe } = useLive();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => subscribe(name, (data) => latest.current(data)), [subscribe, name]);
}

/** The ticket page: while mounted, this tab's stream carries the ticket's changes. */
export function useFollowTicket(number: string): void {
  const { follow } = useLive();
  useEffect(() => follow(number), [follow, number]);
}
