"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import type { QueuePage } from "@/lib/tickets/find-queue";
import { queueHref, queueSearchParams } from "@/lib/tickets/queue-url";
import { QUEUE_COLUMNS, type QueueColumn } from "@/lib/validation/queue-preferences";
import { BulkBar } from "./bulk-bar";
import { ColumnsMenu } from "./columns-menu";
import { KeyboardHelp } from "./keyboard-help";
import { failure, type QueueActions } from "./queue-actions";
import { queueTitle, ticketHref, viewLabel } from "./labels";
import { QueueCards } from "./queue-cards";
import { QueueTable } from "./queue-table";
import { SavedViewsMenu, type SavedViewActions } from "./saved-views";
import { keepShown, selectRange, toggleOne } from "./selection";
import { QueueViewNav } from "./queue-view-nav";
import { useQueueKeyboard } from "./use-queue-keyboard";
import { useQueueUpdates } from "./use-queue-updates";
import { useLive } from "@/components/live/live-provider";

/**
 * The queue as it stays up to date: fetches the same view, page and filters again when a change is pushed
 * (polling every 10 s while live updates are down), ticks the countdowns every second, and moves with j/k/Enter. While the pointer is over the table, fresh rows
 * wait (counts do not), so the row under the pointer never moves; they appear when the pointer leaves.
 * Rows are selected with their boxes, `x` (the row the keyboard is on) or shift-click (a range) for a
 * bulk action.
 */
export function QueueLive({
  initial,
  cursor,
  hiddenColumns,
  savedViews,
  currentSaved,
  actions,
  canAssign,
  groups,
}: {
  initial: QueuePage;
  cursor: string | null;
  hiddenColumns: QueueColumn[];
  savedViews: { id: number; name: string; count: number; countCapped: boolean }[];
  /** The saved view open, whose columns are its own (changing them then is not saved as the person's choice). */
  currentSaved: number | null;
  actions: QueueActions;
  canAssign: boolean;
  groups: { slug: string; name: string }[];
}) {
  const router = useRouter();
  const { status: liveStatus } = useLive();
  const [page, setPage] = useState(initial);
  const waitingPage = useRef<QueuePage | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const anchor = useRef<string | null>(null);
  const [hidden, setHidden] = useState(hiddenColumns);
  const columns = QUEUE_COLUMNS.filter((c) => !hidden.includes(c));
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

  useQueueUpdates(
    apiUrl,
    useCallback((fresh: QueuePage) => {
      if (pointerOverTable.current) {
        waitingPage.current = fresh;
        setPage((current) => ({ ...current, counts: fresh.counts, cappedCounts: fresh.cappedCounts }));
        setWaiting(true);
      } else {
        waitingPage.current = null;
        setPage(fresh);
        setChecked((current) => keepShown(current, fresh.rows.map((r) => r.number)));
        setWaiting(false);
      }
    }, []),
  );

  const order = useMemo(() => page.rows.map((r) => r.number), [page.rows]);
  const onCheck = useCallback(
    (number: string, event: MouseEvent<HTMLInputElement>) => {
      const from = anchor.current;
      const range = event.shiftKey;
      setChecked((current) => (range ? selectRange(current, order, from, number) : toggleOne(current, number)));
      anchor.current = number;
    },
    [order],
  );
  const onCheckAll = useCallback((all: boolean) => setChecked(all ? new Set(order) : new Set()), [order]);
  const onColumns = useCallback(
    async (next: QueueColumn[]) => {
      setHidden(next);
      return currentSaved === null ? failure(await actions.saveColumns({ hiddenColumns: next })) : null;
    },
    [actions, currentSaved],
  );
  const savedViewActions: SavedViewActions = useMemo(
    () => ({
      create: async (name) => {
        const query = Object.fromEntries(Object.entries(page.query).filter(([key]) => key !== "limit"));
        const result = await actions.createView({ name, query, hiddenColumns: hidden });
        if (result.ok) router.push(`/queue?saved=${result.value.id}`);
        return failure(result);
      },
      rename: async (id, name) => failure(await actions.renameView(id, { name })),
      remove: async (id) => {
        const result = await actions.deleteView(id);
        if (result.ok && id === currentSaved) router.push("/queue");
        return failure(result);
      },
    }),
    [actions, page.query, hidden, currentSaved, router],
  );

  const onPointerLeave = useCallback(() => {
    pointerOverTable.current = false;
    const fresh = waitingPage.current;
    if (fresh) {
      setPage(fresh);
      setChecked((current) => keepShown(current, fresh.rows.map((r) => r.number)));
    }
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
      toggle: () => {
        if (!selected) return;
        setChecked((current) => toggleOne(current, selected));
        anchor.current = selected;
      },
    }),
    [page.rows, selected, router],
  );
  useQueueKeyboard(keyboard);

  const label = viewLabel(page.view, page.tier);
  return (
    <>
      <div className="mb-2 flex flex-wrap items-start gap-2 text-sm">
        <div className="min-w-0 flex-1">
          <QueueViewNav query={page.query} current={page.view} tier={page.tier} counts={page.counts} cappedCounts={page.cappedCounts} saved={savedViews} currentSaved={currentSaved} />
        </div>
        <SavedViewsMenu views={savedViews} actions={savedViewActions} />
        <span className="hidden md:inline">
          <ColumnsMenu hidden={hidden} onChange={onColumns} />
        </span>
        <button
          type="button"
          onClick={() => setHelpOpen(true)}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          className="hidden rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 md:inline-block"
        >
          <kbd className="font-mono">?</kbd>
        </button>
      </div>
      <BulkBar
        tickets={page.rows.filter((r) => checked.has(r.number)).map((r) => ({ number: r.number, version: r.version }))}
        canAssign={canAssign}
        groups={groups}
        run={async (input) => {
          const result = await actions.bulk(input);
          router.refresh();
          return result;
        }}
        onClear={() => setChecked(new Set())}
      />
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">No open tickets in {label}{page.query.q || page.query.status || page.query.priority || page.query.category || page.query.group ? " that match" : ""}.</p>
      ) : (
        <>
          <QueueTable
            caption={`${queueTitle(page.tier)}: ${label}`}
            rows={page.rows}
            columns={columns}
            query={page.query}
            sort={page.sort}
            dir={page.dir}
            nowMs={nowMs}
            focused={selected}
            checked={checked}
            onCheck={onCheck}
            onCheckAll={onCheckAll}
            tableRef={tableRef}
            onPointerEnter={() => (pointerOverTable.current = true)}
            onPointerLeave={onPointerLeave}
          />
          <QueueCards rows={page.rows} nowMs={nowMs} checked={checked} onCheck={onCheck} />
        </>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-4 text-sm text-slate-700">
      <p aria-live="polite" className="min-w-0">
        {waiting ? "New updates are waiting: they appear when the pointer leaves the list." : `${page.rows.length} ${page.rows.length === 1 ? "ticket" : "tickets"} shown, ${liveStatus === "paused" || liveStatus === "ended" ? "refreshed every 10 s" : "updated live"}.`}
      </p>
      <nav aria-label="Pages" className="flex gap-4">
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
      </div>
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
