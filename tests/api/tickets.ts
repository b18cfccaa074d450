// Narrowing helpers for the typed client's ticket shapes: POST and GET of a ticket answer the staff Ticket or,
// for its customer, the CustomerTicket (the document says anyOf).
import type { components } from "./generated/openapi";
import { expect } from "./fixtures";

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
