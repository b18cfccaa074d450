import type { Transaction } from "@/lib/db/client";

/** A monitoring alert of a ticket as its page shows it: when it was first and last seen, how often, its state. */
export interface TicketAlertJson {
  integration: { slug: string; name: string };
  fingerprint: string;
  alertname: string | null;
  alertStatus: string;
  open: boolean;
  startsAt: string;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  seenCount: number;
}

/** The alerts that opened or repeated on this ticket (over the ticketId index); staff pages only. */
export async function loadTicketAlerts(client: Transaction, ticketId: number): Promise<TicketAlertJson[]> {
  const rows = await client.monitoringAlert.findMany({
    where: { ticketId },
    orderBy: { id: "asc" },
    take: 20,
    select: {
      fingerprint: true,
      alertStatus: true,
      open: true,
      startsAt: true,
      firstSeenAt: true,
      lastSeenAt: true,
      resolvedAt: true,
      seenCount: true,
      labels: true,
      integration: { select: { slug: true, name: true } },
    },
  });
  return rows.map((r) => ({
    integration: r.integration,
    fingerprint: r.fingerprint,
    alertname: alertnameOf(r.labels),
    alertStatus: r.alertStatus,
    open: r.open,
    startsAt: r.startsAt.toISOString(),
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    seenCount: r.seenCount,
  }));
}

function alertnameOf(labels: unknown): string | null {
  const name = (labels as Record<string, unknown> | null)?.alertname;
  return typeof name === "string" ? name : null;
}
