"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { QueuePage } from "@/lib/tickets/find-queue";
import { queueHref, queueSearchParams } from "@/lib/tickets/queue-url";
import { KeyboardHelp } from "./keyboard-help";
import { queueTitle, ticketHref, viewLabel } from "./labels";
import { QueueTable } from "./queue-table";
import { QueueViewNav } from "./queue-view-nav";
import { useQueueKeyboard } from "./use-queue-keyboard";
import { useQueuePolling } from "./use-queue-polling";

/**
 * The queue as it stays up to date: polls the API for the same view, page and filters, ticks the
 * countdowns every second, and moves with j/k/Enter. While the pointer is over the table, fresh rows
 * wait (counts do not), so the row under the pointer never moves; they appear when the pointer leaves.
 */
export function QueueLive({ initial, cursor }: { initial: QueuePage; cursor: string | null }) {
  const router = useRouter();
  const [page, setPage] = useState(initial);
  const waitingPage = useRef<QueuePage | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const pointerOverTable = useRef(false);
  const tableRef = useRef<HTMLTableElement>(null);

  // Count down on the server's clock: the offset corrects a browser clock that is off.
  const [nowMs, setNowMs] = useState(() => Date.parse(initial.now));
  useEffect(() => {
    const offset = Date.parse(initial.now) - Date.now();
    const tick = setInterval(() => setNowMs(Date.now() + offset), 1_000);
    return () => clearInterval(tick);
  }, [initial.now]);

  const apiUrl = useMemo(() => {
    const params = queueSearchParams({ ...initial.query, ...(cursor ? { cursor } : {}) });
    return `/api/v1/queue${params.size ? `?${params}` : ""}`;
  }, [initial.query, cursor]);

  useQueuePolling(
    apiUrl,
    useCallback((fresh: QueuePage) => {
      if (pointerOverTable.current) {
        waitingPage.current = fresh;
        setPage((current) => ({ ...current, counts: fresh.counts }));
        setWaiting(true);
      } else {
        waitingPage.current = null;
        setPage(fresh);
        setWaiting(false);
      }
    }, []),
  );

  const onPointerLeave = useCallback(() => {
    pointerOverTable.current = false;
    if (waitingPage.current) setPage(waitingPage.current);
    waitingPage.current = null;
    setWaiting(false);
  }, []);

  const keyboard = useMemo(
    () => ({
      move: (by: 1 | -1) => {
        const numbers = page.rows.map((r) => r.number);
        if (!numbers.length) return;
        const at = selected ? numbers.indexOf(selected) : -1;
        const next = numbers[Math.min(numbers.length - 1, Math.max(0, at === -1 ? 0 : at + by))]!;
        setSelected(next);
        const link = tableRef.current?.querySelector<HTMLAnchorElement>(`a[data-ticket="${next}"]`);
        link?.focus();
        link?.scrollIntoView({ block: "nearest" });
      },
      open: () => {
        if (selected) router.push(ticketHref(selected));
      },
      help: () => setHelpOpen(true),
    }),
    [page.rows, selected, router],
  );
  useQueueKeyboard(keyboard);

  const label = viewLabel(page.view, page.tier);
  return (
    <>
      <QueueViewNav query={page.query} current={page.view} tier={page.tier} counts={page.counts} />
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <p aria-live="polite">
          {waiting ? "New updates are waiting: they appear when the pointer leaves the list." : `${page.rows.length} ${page.rows.length === 1 ? "ticket" : "tickets"} shown, updated live.`}
        </p>
        <button
          type="button"
          onClick={() => setHelpOpen(true)}
          className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
        >
          Keyboard shortcuts <kbd className="font-mono">?</kbd>
        </button>
      </div>
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">No open tickets in {label}{page.query.q || page.query.status || page.query.priority || page.query.category || page.query.group ? " that match" : ""}.</p>
      ) : (
        <QueueTable
          caption={`${queueTitle(page.tier)}: ${label}`}
          rows={page.rows}
          nowMs={nowMs}
          selected={selected}
          tableRef={tableRef}
          onPointerEnter={() => (pointerOverTable.current = true)}
          onPointerLeave={onPointerLeave}
        />
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {cursor && (
          <Link href={queueHref(page.query)} className="text-indigo-800 underline">
            First page
          </Link>
        )}
        {page.nextCursor && (
          <Link href={queueHref(page.query, { cursor: page.nextCursor })} className="text-indigo-800 underline">
            Next page
          </Link>
        )}
      </nav>
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
