// The pages bench:pages times, each with the URL the server is asked for and the lib functions its page (and the
// layout around it) calls, which the bench runs in its own process to capture and explain the SQL they send.
import type { Actor } from "../../lib/actor";
import { listDemoAccounts } from "../../lib/admin/demo-accounts";
import { listTicketAttachments } from "../../lib/attachments/list-attachments";
import { getIncidentPanel } from "../../lib/incidents/incident-panel";
import { listTicketMacros } from "../../lib/macros/ticket-macros";
import { getCustomerConversation } from "../../lib/tickets/customer-conversation";
import { getCustomerTicket, listCustomerTickets } from "../../lib/tickets/customer-tickets";
import { findQueue } from "../../lib/tickets/find-queue";
import { listQueueFilterOptions } from "../../lib/tickets/queue-filter-options";
import { getQueuePreferences } from "../../lib/tickets/queue-preferences";
import { listSavedViews } from "../../lib/tickets/saved-views";
import { loadTicketWorkspace } from "../../lib/tickets/ticket-workspace";
import { QUEUE_SORTS, QUEUE_VIEWS, SORT_DIRECTIONS } from "../../lib/validation/queue";
import { RARE_WORD, type PagesData } from "./data";

export type Signer = "l1agent" | "l2agent" | "l3agent" | "manager" | "customer";
export type PageKind = "queue" | "search" | "ticket" | "portal";

export interface BenchPage {
  label: string;
  kind: PageKind;
  url: string;
  /** Text the answer must hold (the page's heading or the ticket's number). */
  expect: string;
  as: Signer;
  /** What the page and its layout ask of lib/, run in this process for the plans. */
  lib: () => Promise<unknown>;
}

export type Actors = Record<Signer, Actor>;

/** The queue page's reads: the queue, the filter options, the person's columns and saved views, the staff layout's demo accounts. */
const queuePage = (actor: Actor, query: Record<string, string>) => () =>
  Promise.all([findQueue(actor, query), listQueueFilterOptions(), getQueuePreferences(actor), listSavedViews(actor), listDemoAccounts(actor)]);

const queueUrl = (query: Record<string, string>) => `/queue?${new URLSearchParams(query)}`;

/** Every page the bench times, in the order it reports them. */
export async function benchPages(actors: Actors, data: PagesData): Promise<BenchPage[]> {
  const pages: BenchPage[] = [];
  const queue = (label: string, as: Signer, query: Record<string, string>, kind: PageKind = "queue") =>
    pages.push({ label, kind, url: queueUrl(query), expect: as === "manager" ? "All tiers queue" : `${actors[as].tier} queue`, as, lib: queuePage(actors[as], query) });

  for (const view of QUEUE_VIEWS) {
    for (const sort of QUEUE_SORTS) {
      for (const dir of SORT_DIRECTIONS) queue(`queue ${view} · ${sort} ${dir}`, "l1agent", { view, sort, dir });
    }
  }
  const first = await findQueue(actors.l1agent, { view: "tier" });
  if (first.nextCursor) queue(`queue tier · page 2 (cursor)`, "l1agent", { view: "tier", cursor: first.nextCursor });
  queue(`queue, manager: all tiers`, "manager", {});
  queue(`queue, manager: unassigned, all`, "manager", { view: "unassigned" });
  queue(`queue, manager: due soon, all`, "manager", { view: "due-soon" });
  queue(`queue, l2agent: L2 tier`, "l2agent", {});
  queue(`queue, l2agent: escalated to L2`, "l2agent", { view: "escalated" });
  queue(`queue, l3agent: L3 tier (and L4)`, "l3agent", {});
  pages.push({
    label: `GET /api/v1/queue (unassigned)`,
    kind: "queue",
    url: `/api/v1/queue?view=unassigned`,
    expect: `"counts"`,
    as: "l1agent",
    lib: () => findQueue(actors.l1agent, { view: "unassigned" }),
  });

  queue(`search "${RARE_WORD}" (${data.rareWordTickets} tickets)`, "l1agent", { q: RARE_WORD }, "search");
  queue(`search a number (${data.searchNumber})`, "l1agent", { q: data.searchNumber }, "search");
  queue(`search + filters, unassigned`, "l1agent", { view: "unassigned", q: "invoice", priority: "P3", category: "access" }, "search");

  const busy = data.busyTicket;
  pages.push({
    label: `ticket page (${data.busyEvents} events, ${data.busyAttachments} files)`,
    kind: "ticket",
    url: `/queue/tickets/${busy}`,
    expect: busy,
    as: "l1agent",
    lib: async () => {
      await Promise.all([loadTicketWorkspace(actors.l1agent, busy), listTicketMacros(actors.l1agent, busy), listDemoAccounts(actors.l1agent)]);
      await getIncidentPanel(actors.l1agent, busy);
    },
  });

  const customer = actors.customer;
  const portalList = (label: string, query: Record<string, string>) =>
    pages.push({ label, kind: "portal", url: `/portal/tickets${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`, expect: "My tickets", as: "customer", lib: () => listCustomerTickets(customer, query) });
  portalList(`portal: my tickets`, {});
  portalList(`portal: my tickets, open`, { filter: "open" });
  portalList(`portal: my tickets, resolved`, { filter: "resolved" });
  const firstPortal = await listCustomerTickets(customer, {});
  if (firstPortal.nextCursor) portalList(`portal: my tickets, page 2`, { cursor: firstPortal.nextCursor });
  pages.push({
    label: `portal: ticket page (${data.busyEvents} events)`,
    kind: "portal",
    url: `/portal/tickets/${busy}`,
    expect: busy,
    as: "customer",
    lib: () => Promise.all([getCustomerTicket(customer, busy), getCustomerConversation(customer, busy), listTicketAttachments(customer, busy)]),
  });
  return pages;
}
