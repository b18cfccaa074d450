// The texts of the mails a customer gets, and `fill`, which fills a text for one ticket here. Its twin is
// mail-texts.sql.ts, where PostgreSQL's format() fills the same texts inside the statement that writes the change
// (tests/integration/mail-texts.sql.test.ts holds them to one text).
import type { TicketStatus } from "@/lib/db/generated/enums";
import { CUSTOMER_STATUS } from "@/lib/tickets/core/customer-labels";

export interface MailTicket {
  id: number;
  number: string;
  title: string;
  customerId: string;
}

export interface StatusChange {
  from: TicketStatus;
  to: TicketStatus;
  /** The ticket version the change wrote: each change mails once. */
  version: number;
  note?: string;
}

/** The site's address mail links start with. */
export const portalBase = () => (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

/**
 * A mail's subject and body with the ticket's number as `%1$s` and its title as `%2$s`: PostgreSQL's
 * format() fills it inside a statement that only then knows the ticket, `fill` does it here; one text either way.
 */
export interface MailTemplate {
  subject: string;
  body: string;
}

export const literal = (text: string) => text.replaceAll("%", "%%");

/** Every customer mail ends with the link to the ticket in the portal. */
export const withPortalLink = (body: string) => `${body}\n\nView the ticket: ${literal(portalBase())}/portal/tickets/%1$s\n`;

/** A resolution asks for a rating (one click to the ticket's rating) and says how to tell us it is not fixed. */
const resolvedFooter = () =>
  `\n\nHow did we do? Rate the resolution: ${literal(portalBase())}/portal/tickets/%1$s#rating` +
  `\nNot fixed? Say so on the ticket page and we reopen it. With no answer from you it closes after a few business days.`;

/** The ticket's status now, not how it got there: a held mail may carry several changes. */
export function statusTemplate(change: Omit<StatusChange, "version">): MailTemplate {
  const to = literal(CUSTOMER_STATUS[change.to]);
  return {
    subject: `[%1$s] ${to}: %2$s`,
    body: withPortalLink(`Your ticket %1$s is now "${to}".${change.note ? `\n\n${literal(change.note)}` : ""}${change.to === "RESOLVED" ? resolvedFooter() : ""}`),
  };
}

function fill(template: string, ticket: { number: string; title: string }): string {
  return template.replace(/%(%|1\$s|2\$s)/g, (_, key: string) => (key === "%" ? "%" : key === "1$s" ? ticket.number : ticket.title));
}

export const statusDedupeKey = (ticketId: number, version: number) => `status:${ticketId}:v${version}`;
/** The key of a ticket's one held status mail (OutboxMessage.coalesceKey). */
export const heldKey = (ticketId: number) => `status:${ticketId}`;

/** One mail to a ticket's customer, filled in: what `insertMailRowsSql` queues. */
export interface MailRow {
  ticketId: number;
  customerId: string;
  subject: string;
  body: string;
  dedupeKey: string;
  /** A held status mail's change (what `upsertHeldMailRowsSql` keeps); absent on a mail sent at once. */
  statusBefore?: TicketStatus;
  statusAfter?: TicketStatus;
}

/** The mail `template` makes for `ticket`. */
export function mailRow(ticket: MailTicket, dedupeKey: string, template: MailTemplate): MailRow {
  return { ticketId: ticket.id, customerId: ticket.customerId, subject: fill(template.subject, ticket), body: fill(template.body, ticket), dedupeKey };
}

export function replyTemplate(comment: { body: string; authorName: string }, status: TicketStatus): MailTemplate {
  return {
    subject: "[%1$s] New reply: %2$s",
    body: withPortalLink(`${literal(comment.authorName)} replied to your ticket %1$s:\n\n${literal(comment.body)}\n\nStatus: ${literal(CUSTOMER_STATUS[status])}`),
  };
}
