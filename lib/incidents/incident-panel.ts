import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { TicketLinkKind, TicketStatus } from "@/lib/db/generated/enums";
import { forbidden, notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { isStaff, mayDeclare } from "./rules";

export interface LinkedTicketJson {
  number: string;
  title: string;
  status: TicketStatus;
}

export interface TicketLinkJson extends LinkedTicketJson {
  kind: TicketLinkKind;
  /** "to": this ticket links to it (this one is the duplicate); "from": it links to this ticket. */
  direction: "to" | "from";
}

export interface ChildJson extends LinkedTicketJson {
  customer: string;
  organization: string | null;
}

/** The staff Links panel: links both ways, the major incident this ticket belongs to or its children. */
export interface IncidentPanel {
  number: string;
  status: TicketStatus;
  isMajorIncident: boolean;
  parent: LinkedTicketJson | null;
  children: ChildJson[];
  /** Distinct customers and organizations of the children (what the outage touches). */
  affected: { customers: number; organizations: number; openChildren: number };
  links: TicketLinkJson[];
  /** What the panel offers this person (the services refuse anyway). */
  can: { declare: boolean; attach: boolean; link: boolean };
}

const BRIEF = { number: true, title: true, status: true } as const;

/** Staff only: a customer sees none of this (another customer's ticket or name must never reach them). */
export async function getIncidentPanel(actor: Actor, number: string): Promise<IncidentPanel> {
  const ticket = await db().ticket.findFirst({
    where: visibleTicketWhere(actor, number),
    select: {
      id: true,
      number: true,
      status: true,
      isMajorIncident: true,
      majorIncidentId: true,
      majorIncident: { select: BRIEF },
      children: {
        select: { ...BRIEF, customerId: true, organizationId: true, customer: { select: { name: true } }, organization: { select: { name: true } } },
        orderBy: { id: "asc" },
      },
      links: { select: { kind: true, target: { select: BRIEF } }, orderBy: { id: "asc" } },
      linkedFrom: { select: { kind: true, ticket: { select: BRIEF } }, orderBy: { id: "asc" } },
    },
  });
  if (!ticket) throw notFound("Ticket");
  if (!isStaff(actor)) throw forbidden("Only support staff see linked tickets.");
  const open = ticket.status !== "RESOLVED" && ticket.status !== "CLOSED";
  return {
    number: ticket.number,
    status: ticket.status,
    isMajorIncident: ticket.isMajorIncident,
    parent: ticket.majorIncident,
    children: ticket.children.map((c) => ({ number: c.number, title: c.title, status: c.status, customer: c.customer.name, organization: c.organization?.name ?? null })),
    affected: {
      customers: new Set(ticket.children.map((c) => c.customerId)).size,
      organizations: new Set(ticket.children.flatMap((c) => (c.organizationId ? [c.organizationId] : []))).size,
      openChildren: ticket.children.filter((c) => c.status !== "RESOLVED" && c.status !== "CLOSED").length,
    },
    links: [
      ...ticket.links.map((l) => ({ ...l.target, kind: l.kind, direction: "to" as const })),
      ...ticket.linkedFrom.map((l) => ({ ...l.ticket, kind: l.kind, direction: "from" as const })),
    ],
    can: {
      declare: open && !ticket.isMajorIncident && ticket.majorIncidentId === null && mayDeclare(actor),
      attach: open && ticket.isMajorIncident,
      link: true,
    },
  };
}
