import type { Actor } from "./actor";
import { TICKET_NUMBER_PATTERN } from "./ticket-number";

export type Action =
  | "ticket:create"
  /** Log a contact (phone, chat, email, walk-in) as a ticket for a customer. */
  | "ticket:create-for-customer"
  | "ticket:list"
  | "ticket:read"
  | "queue:view"
  /** See the admin pages: configuration, people, the audit trail (managers read-only). */
  | "admin:read"
  /** Change configuration and people. */
  | "admin:write"
  /** Publish a new priority matrix and SLA targets version. */
  | "matrix:publish"
  | "kb:deflect"
  | "kb:feedback"
  | "kb:stats"
  /** Read the escalation dashboard and its metrics. */
  | "metrics:read"
  /** Review received mail that was held (issue 24): accept it as a customer's reply or discard it. */
  | "inbound:review";

export interface TicketResource {
  customerId: string;
}

const STAFF = new Set(["AGENT", "MANAGER", "ADMIN"]);

/** Pure and closed by default: an action not listed here is refused for everyone. */
export function can(actor: Actor | null | undefined, action: Action, resource?: TicketResource): boolean {
  if (!actor) return false;
  switch (action) {
    case "ticket:create":
      return actor.role === "CUSTOMER";
    // Whoever takes a call may log it (admins act as managers in routing); the ticket still enters at L1.
    case "ticket:create-for-customer":
      return STAFF.has(actor.role);
    case "ticket:list":
      return true;
    case "ticket:read":
      if (!resource) return false;
      return STAFF.has(actor.role) || (actor.role === "CUSTOMER" && resource.customerId === actor.id);
    case "queue:view":
      return STAFF.has(actor.role);
    // "This solved it" counts a customer's contact that needed no ticket; staff reading articles is no contact.
    case "kb:deflect":
      return actor.role === "CUSTOMER";
    case "kb:feedback":
      return true;
    case "kb:stats":
      return actor.role === "MANAGER" || actor.role === "ADMIN";
    case "admin:read":
    case "matrix:publish":
      return actor.role === "ADMIN" || actor.role === "MANAGER";
    case "admin:write":
      return actor.role === "ADMIN";
    case "metrics:read":
      return actor.role === "MANAGER" || actor.role === "ADMIN";
    // Held mail is L1's to review (any agent, as any tier sees L1's work), and managers' and admins'.
    case "inbound:review":
      return STAFF.has(actor.role);
    default:
      return false;
  }
}

/** Customers only ever see their own tickets: services put this into the where clause. */
export function ticketScope(actor: Actor): { customerId?: string } {
  return actor.role === "CUSTOMER" ? { customerId: actor.id } : {};
}

/** One ticket by number as `actor` may see it. A malformed number matches nothing, so it is "not found" too. */
export function visibleTicketWhere(actor: Actor, number: string): { number: string; customerId?: string } {
  return { number: TICKET_NUMBER_PATTERN.test(number) ? number : "", ...ticketScope(actor) };
}
