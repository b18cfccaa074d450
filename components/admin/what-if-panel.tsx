import { TableScroll } from "@/components/ui/table-scroll";
import type { WhatIfResult } from "@/lib/admin/run-what-if";
import type { ReplaySummary } from "@/lib/routing/what-if";
import { PRIORITIES } from "./matrix-labels";

const TIERS = ["L1", "L2", "L3", "L4"] as const;

function Row({ label, current, draft }: { label: string; current: number; draft: number }) {
  const delta = draft - current;
  return (
    <tr className="border-b border-slate-100">
      <th scope="row" className="p-2 text-left font-normal">
        {label}
      </th>
      <td className="p-2 text-right tabular-nums">{current}</td>
      <td className="p-2 text-right tabular-nums">{draft}</td>
      <td className={`p-2 text-right tabular-nums ${delta > 0 ? "text-red-800" : delta < 0 ? "text-green-800" : "text-slate-600"}`}>{delta > 0 ? `+${delta}` : delta}</td>
    </tr>
  );
}

/** The what-if outcome: the current version beside the draft, over the same tickets. */
export function WhatIfPanel({ result }: { result: WhatIfResult }) {
  const groups: { title: string; rows: { label: string; pick: (s: ReplaySummary) => number }[] }[] = [
    { title: "Priority mix (tickets)", rows: PRIORITIES.map((p) => ({ label: p, pick: (s) => s.priorityMix[p] })) },
    {
      title: "Breaches",
      rows: [
        { label: "First response late", pick: (s) => s.breaches.firstResponse },
        { label: "Resolution late", pick: (s) => s.breaches.resolution },
      ],
    },
    { title: "Load per tier (open tickets, P1 = 5 … P5 = 1)", rows: TIERS.map((t) => ({ label: t, pick: (s) => s.loadPerTier[t] })) },
  ];
  return (
    <section aria-labelledby="what-if-heading" className="space-y-2" data-testid="what-if-result">
      <h3 id="what-if-heading" className="text-lg font-semibold text-slate-900">
        What-if: {result.period.from} to {result.period.to}
      </h3>
      <p className="text-sm text-slate-700">
        {result.current.tickets.toLocaleString("en")} {result.current.tickets === 1 ? "ticket" : "tickets"} replayed; {result.reclassified.toLocaleString("en")} would get another priority.
        {result.capped && ` The period holds more than ${result.cap.toLocaleString("en")} tickets: only the first ${result.cap.toLocaleString("en")} were replayed.`}{" "}
        Due times are recomputed from when each ticket was opened (pauses are not replayed).
      </p>
      <TableScroll label="What-if result">
      <table className="w-full max-w-xl border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="p-2 text-left">
              Measure
            </th>
            <th scope="col" className="p-2 text-right">
              Current v{result.currentVersion}
            </th>
            <th scope="col" className="p-2 text-right">
              Draft
            </th>
            <th scope="col" className="p-2 text-right">
              Change
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.title}>
            <tr>
              <th colSpan={4} scope="colgroup" className="bg-slate-50 p-2 text-left text-slate-800">
                {g.title}
              </th>
            </tr>
            {g.rows.map((r) => (
              <Row key={r.label} label={r.label} current={r.pick(result.current)} draft={r.pick(result.draft)} />
            ))}
          </tbody>
        ))}
      </table>
      </TableScroll>
    </section>
  );
}
