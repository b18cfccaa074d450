import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import type { WhatIfResult } from "@/lib/admin/run-what-if";
import type { EscalationPair } from "@/lib/routing/replay";
import type { Breaches, ReplaySummary, TicketOutcome } from "@/lib/routing/what-if";
import { PRIORITIES } from "./matrix-labels";

const TIERS = ["L1", "L2", "L3", "L4"] as const;

function Row({ label, current, draft }: { label: string; current: number; draft: number }) {
  const delta = Math.round((draft - current) * 10) / 10;
  return (
    <tr className="border-b border-slate-100">
      <th scope="row" className="p-2 text-left font-normal">
        {label}
      </th>
      <td className="p-2 text-right tabular-nums">{current.toLocaleString("en")}</td>
      <td className="p-2 text-right tabular-nums">{draft.toLocaleString("en")}</td>
      <td className={`p-2 text-right tabular-nums ${delta > 0 ? "text-red-800" : delta < 0 ? "text-green-800" : "text-slate-600"}`}>{delta > 0 ? `+${delta.toLocaleString("en")}` : delta.toLocaleString("en")}</td>
    </tr>
  );
}

function Head({ columns }: { columns: [string, "left" | "right"][] }) {
  return (
    <thead>
      <tr className="border-b border-slate-200">
        {columns.map(([label, align]) => (
          <th key={label} scope="col" className={`p-2 ${align === "left" ? "text-left" : "text-right"}`}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

const OUTCOME = { met: "met", breached: "late", pending: "open" } as const;
const describe = (o: TicketOutcome) => `${o.priority} · response ${OUTCOME[o.firstResponse]} · resolution ${OUTCOME[o.resolution]} · ${o.escalations} up`;

type Pick = (s: ReplaySummary) => number;

const BREACH_KINDS: [keyof Breaches, string][] = [
  ["firstResponse", "First response late"],
  ["resolution", "Resolution late"],
  ["update", "Customer update late"],
  ["vendorResponse", "Vendor response late (L4)"],
  ["vendorResolution", "Vendor resolution late (L4)"],
];
const AUTOMATIC: ["L1L2" | "L2L3", string][] = [
  ["L1L2", "L1 → L2"],
  ["L2L3", "L2 → L3"],
];
const ALL: [EscalationPair, string][] = [...AUTOMATIC, ["L3L4", "L3 → L4"]];

/** The what-if outcome: the current version beside the draft, over the same tickets. */
export function WhatIfPanel({ result }: { result: WhatIfResult }) {
  const groups: { title: string; rows: { label: string; pick: Pick }[] }[] = [
    { title: "Priority mix (tickets)", rows: PRIORITIES.map((p) => ({ label: p, pick: (s) => s.priorityMix[p] })) },
    {
      title: "Breaches",
      rows: [
        ...BREACH_KINDS.map(([kind, label]) => ({ label, pick: (s: ReplaySummary) => s.breaches[kind] })),
        ...PRIORITIES.map((p) => ({ label: `Late at ${p} (response, resolution, update)`, pick: (s: ReplaySummary) => s.breaches.byPriority[p].firstResponse + s.breaches.byPriority[p].resolution + s.breaches.byPriority[p].update })),
      ],
    },
    {
      title: "Escalations",
      rows: [
        ...AUTOMATIC.map(([pair, label]) => ({ label: `${label} automatic (budget spent)`, pick: (s: ReplaySummary) => s.automaticEscalations[pair] })),
        ...ALL.map(([pair, label]) => ({ label: `${label} in all`, pick: (s: ReplaySummary) => s.escalations[pair] })),
      ],
    },
    {
      title: "Open tickets per tier at the end of each day",
      rows: TIERS.flatMap((t) => [
        { label: `${t} peak`, pick: (s: ReplaySummary) => s.load[t].peak },
        { label: `${t} mean`, pick: (s: ReplaySummary) => s.load[t].mean },
      ]),
    },
  ];
  return (
    <section aria-labelledby="what-if-heading" className="min-w-0 space-y-2" data-testid="what-if-result">
      <h3 id="what-if-heading" className="text-lg font-semibold text-slate-900">
        What-if: {result.period.from} to {result.period.to}
      </h3>
      <p className="text-sm text-slate-700">
        {result.current.tickets.toLocaleString("en")} {result.current.tickets === 1 ? "ticket" : "tickets"} replayed in {result.seconds.toLocaleString("en")} s;{" "}
        {result.reclassified.toLocaleString("en")} would get another priority and {result.changed.toLocaleString("en")} another outcome. Each ticket&apos;s replies, pauses, resolutions
        and moves by hand stay as recorded; its priority, due times and automatic escalations follow the rules.
      </p>
      <TableScroll label="What-if result">
        <table className="w-full max-w-xl border-collapse text-sm">
          <Head columns={[["Measure", "left"], [`Current v${result.currentVersion}`, "right"], ["Draft", "right"], ["Change", "right"]]} />
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
      {result.changedTickets.length > 0 && (
        <details className="min-w-0">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">
            Tickets with another outcome ({result.changed > result.changedTickets.length ? `first ${result.changedTickets.length.toLocaleString("en")} of ` : ""}
            {result.changed.toLocaleString("en")})
          </summary>
          <TableScroll label="Tickets with another outcome">
            <table className="w-full border-collapse text-sm" data-testid="what-if-changed">
              <Head columns={[["Ticket", "left"], ["Current", "left"], ["Draft", "left"]]} />
              <tbody>
                {result.changedTickets.map((t) => (
                  <tr key={t.number} className="border-b border-slate-100">
                    <td className="p-2">
                      <Link href={`/queue/tickets/${t.number}`} className="text-blue-800 underline">
                        {t.number}
                      </Link>
                    </td>
                    <td className="p-2">{describe(t.current)}</td>
                    <td className="p-2">{describe(t.draft)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
    </section>
  );
}
