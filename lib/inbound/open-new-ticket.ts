// Issue 24, "New tickets by mail": with INBOUND_NEW_TICKETS=known-customers, a mail that answers none of ours,
// from the address of exactly one customer who is active, opens a ticket as that customer through the
// intake every new ticket goes through (openTicket: L1, the category's defaults on the matrix, SLA clocks,
// the events and the "received" mail), channel EMAIL. The intake is its own statement, so the received mail
// is committed first (HELD, "opening a new ticket") and only then is the ticket opened and the row marked
// POSTED with it: a failure between the two leaves the mail held for a person, never lost.
import { actorOf } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { openTicket } from "@/lib/tickets/create-ticket";
import { newTicketInput } from "./new-ticket-input";
import type { ParsedInboundMail } from "./parse-mail";

export interface NewTicketPlan {
  customerId: string;
  category: string;
}

/**
 * The one active customer whose address this is (compared trimmed and case-insensitively), or null: when no
 * customer has it, when several do (active or not: an address two accounts share says nothing about who
 * wrote), or when its one customer is deactivated.
 */
export async function senderCustomer(tx: Transaction, address: string): Promise<{ id: string } | null> {
  const customers = await tx.$queryRaw<{ id: string; active: boolean }[]>`
    SELECT "id", "active" FROM "User" WHERE "role" = 'CUSTOMER' AND lower(btrim("email")) = ${address.trim().toLowerCase()} LIMIT 2`;
  return customers.length === 1 && customers[0]!.active ? { id: customers[0]!.id } : null;
}

/** Opens the ticket as the customer (the Message-ID is its idempotency key: a mail opens one ticket at most). */
export async function openTicketForMail(tx: Transaction, plan: NewTicketPlan, mail: Pick<ParsedInboundMail, "messageId" | "subject" | "strippedText" | "fullText">, now: Date) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: plan.customerId } });
  return openTicket(actorOf(user), newTicketInput(mail, plan.category), now, "EMAIL");
}

/** Why opening failed, in words for the held mail (a refused field is named with what it said). */
export function openFailure(error: unknown): string {
  if (error instanceof AppError && error.fields) {
    const fields = Object.entries(error.fields).map(([field, messages]) => `${field}: ${(messages ?? []).join(" ")}`);
    return `${error.message} ${fields.join("; ")}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}
