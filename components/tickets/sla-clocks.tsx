"use client";

import { formatDuration, formatExact } from "@/components/ui/time-format";
import { useNow } from "@/components/ui/use-now";
import type { VendorEngagementJson } from "@/lib/routing/vendor-engagement-json";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";

interface Clock {
  label: string;
  due: string | null;
  /** What a null due time means for this clock. */
  stopped: string;
}

/** The ticket's SLA clocks with the time left, red once overdue; with an L4 group, the vendor's due times beside them. */
export function SlaClocks({ ticket, vendor, serverNow }: { ticket: TicketJson; vendor?: VendorEngagementJson | null; serverNow: string }) {
  const now = useNow(serverNow);
  const clocks: Clock[] = [
    { label: "First response", due: ticket.due.firstResponseAt, stopped: ticket.firstRespondedAt ? "Given" : "Paused" },
    { label: "Resolution", due: ticket.due.resolutionAt, stopped: ticket.resolvedAt ? "Resolved" : "Paused" },
    { label: "Next customer update", due: ticket.due.nextUpdateAt, stopped: "Not due" },
    { label: `${ticket.tier === "L4" ? "L3" : ticket.tier} budget`, due: ticket.due.tierBudgetEndsAt, stopped: ticket.tier === "L4" ? "With L4 (vendor clock)" : "Not running" },
  ];
  if (vendor) {
    clocks.push(
      { label: "Vendor response", due: vendor.respondedAt ? null : vendor.responseDueAt, stopped: vendor.respondedAt ? (vendor.responseMet === false ? "Responded late" : "Responded") : "No target" },
      { label: "Vendor resolution", due: vendor.resolutionDueAt, stopped: "No target" },
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label="SLA clocks">
      {clocks.map((clock) => {
        const due = clock.due ? new Date(clock.due) : null;
        const left = due ? due.getTime() - now.getTime() : 0;
        return (
          <div key={clock.label} className={`rounded-md border px-3 py-2 ${due && left < 0 ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
            <dt className="text-xs font-medium text-slate-700">{clock.label}</dt>
            <dd className="text-sm font-semibold">
              {due ? (
                <time dateTime={clock.due!} title={formatExact(due)} className={left < 0 ? "text-red-800" : ""}>
                  {left < 0 ? `Overdue by ${formatDuration(left)}` : `${formatDuration(left)} left`}
                </time>
              ) : (
                <span className="text-slate-700">{clock.stopped}</span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
