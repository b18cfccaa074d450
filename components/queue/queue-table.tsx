import { IncidentMarker } from "@/components/incidents/incident-marker";
import { ChannelMarker } from "./channel-marker";
import Link from "next/link";
import type { MouseEvent, RefObject } from "react";
import type { QueueRow } from "@/lib/tickets/find-queue";
import { queueHref } from "@/lib/tickets/queue-url";
import type { QueueQuery, QueueSort, SortDirection } from "@/lib/validation/queue";
import type { QueueColumn } from "@/lib/validation/queue-preferences";
import { ticketHref } from "./labels";
import { QueueCell } from "./queue-cell";
import { COLUMN_META } from "./queue-columns";

const TH = "px-2 py-1 font-semibold";
const TD = "px-2 py-px truncate";

export interface QueueTableProps {
  caption: string;
  rows: QueueRow[];
  columns: QueueColumn[];
  query: Omit<QueueQuery, "cursor">;
  sort: QueueSort;
  dir: SortDirection;
  nowMs: number;
  /** The row the keyboard is on. */
  focused: string | null;
  checked: ReadonlySet<string>;
  onCheck: (number: string, event: MouseEvent<HTMLInputElement>) => void;
  onCheckAll: (all: boolean) => void;
  tableRef: RefObject<HTMLTableElement | null>;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/** A sortable column header: a link that sorts by it (ascending first), or flips the direction when it already sorts. */
function SortHeader({ column, query, sort, dir }: { column: QueueColumn; query: QueueTableProps["query"]; sort: QueueSort; dir: SortDirection }) {
  const meta = COLUMN_META[column];
  const active = meta.sort === sort;
  const nextDir: SortDirection = active && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={`${TH} ${meta.width}`} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      {meta.sort ? (
        <Link
          href={queueHref(query, { sort: meta.sort, dir: nextDir, cursor: undefined })}
          className="flex items-center gap-0.5 truncate hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
          title={`Sort by ${meta.header.toLowerCase()}, ${nextDir === "asc" ? "ascending" : "descending"}`}
        >
          <span className="truncate">{meta.header}</span>
          {active && <span aria-hidden="true">{dir === "asc" ? "▲" : "▼"}</span>}
        </Link>
      ) : (
        <span className="block truncate">{meta.header}</span>
      )}
    </th>
  );
}

/**
 * The queue as a dense table of fixed column widths: a long title or customer name is cut with an ellipsis
 * (the whole text on hover), never widening the page. The title's link is stretched over the row, so the
 * whole row opens the ticket (middle-click too); the checkbox sits above it.
 */
export function QueueTable(props: QueueTableProps) {
  const { caption, rows, columns, query, sort, dir, nowMs, focused, checked, onCheck, onCheckAll, tableRef, onPointerEnter, onPointerLeave } = props;
  const allChecked = rows.length > 0 && rows.every((r) => checked.has(r.number));
  return (
    <div className="hidden rounded-lg border border-slate-200 bg-white md:block" onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      <table ref={tableRef} className="w-full table-fixed text-left text-[13px] leading-5">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs text-slate-700">
          <tr>
            <th scope="col" className={`${TH} w-8`}>
              <input type="checkbox" aria-label="Select every ticket on this page" checked={allChecked} onChange={(e) => onCheckAll(e.currentTarget.checked)} className="align-middle" />
            </th>
            <th scope="col" className={`${TH} w-24`}>Number</th>
            <th scope="col" className={TH}>Title</th>
            {columns.map((c) => (
              <SortHeader key={c} column={c} query={query} sort={sort} dir={dir} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const isFocused = r.number === focused;
            return (
              <tr
                key={r.number}
                aria-current={isFocused ? "true" : undefined}
                aria-selected={checked.has(r.number)}
                className={`relative border-t border-slate-200 hover:bg-slate-50 ${checked.has(r.number) ? "bg-indigo-50/60" : ""} ${isFocused ? "bg-indigo-50 outline-2 -outline-offset-2 outline-indigo-600" : ""}`}
              >
                <td className={`${TD} relative z-10`}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.number}`}
                    checked={checked.has(r.number)}
                    onClick={(e) => onCheck(r.number, e)}
                    onChange={() => {}}
                    className="align-middle"
                  />
                </td>
                <td className={`${TD} font-mono text-slate-700`}>{r.number}</td>
                <td className={TD}>
                  <div className="flex min-w-0 items-center gap-1">
                  <IncidentMarker row={r} />
                  <ChannelMarker channel={r.channel} />
                  <Link
                    href={ticketHref(r.number)}
                    data-ticket={r.number}
                    title={r.title}
                    className="block min-w-0 truncate font-medium text-indigo-900 after:absolute after:inset-0 hover:underline focus:outline-none focus-visible:after:ring-2 focus-visible:after:ring-inset focus-visible:after:ring-indigo-500"
                  >
                    {r.title}
                  </Link>
                  </div>
                </td>
                {columns.map((c) => (
                  <td key={c} className={TD}>
                    <QueueCell column={c} row={r} nowMs={nowMs} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
