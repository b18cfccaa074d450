// Narrowing helpers for the typed client's ticket shapes: POST and GET of a ticket answer the staff Ticket or,
// for its customer, the CustomerTicket (the document says anyOf).
import type { ApiClient } from "./client";
import type { components } from "./generated/openapi";
import { expect, expectOk } from "./fixtures";

export type StaffTicket = components["schemas"]["Ticket"];
export type CustomerTicket = components["schemas"]["CustomerTicket"];

export function asStaffView(ticket: StaffTicket | CustomerTicket): StaffTicket {
  expect("tier" in ticket, "the staff view of a ticket").toBe(true);
  return ticket as StaffTicket;
}

export function asCustomerView(ticket: StaffTicket | CustomerTicket): CustomerTicket {
  expect("statusLabel" in ticket, "the customer view of a ticket").toBe(true);
  return ticket as CustomerTicket;
}

/** A title no other test uses. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Every ticket number of GET /api/v1/tickets with this status, page by page along nextCursor. */
export async function ticketNumbers(client: ApiClient, status: StaffTicket["status"]): Promise<string[]> {
  const numbers: string[] = [];
  let cursor: string | undefined;
  do {
    const page = expectOk(await client.GET("/api/v1/tickets", { params: { query: { status, limit: 100, cursor } } }));
    numbers.push(...page.tickets.map((t) => t.number));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return numbers;
}
