// Issue 24, "New tickets by mail stay off by default": whether a received mail that answers none of our mails
// may open a ticket, read from the environment. Pure: the caller passes the environment. Unset or "off" is
// off; "known-customers" opens one for a sender that is exactly one active customer's address, in the
// category INBOUND_NEW_TICKET_CATEGORY names (the desk has no default category, so it must be chosen). Any
// other value throws a message naming its variable.

import { setting, type Env } from "./env-settings";

export type InboundNewTickets = "off" | "known-customers";

export interface InboundNewTicketSettings {
  mode: "known-customers";
  /** The slug of the category new tickets by mail are opened in (its default impact and urgency apply). */
  category: string;
}

const CATEGORY_SLUG = /^[a-z0-9-]{1,64}$/;

export function inboundNewTicketSettings(env: Env): InboundNewTicketSettings | null {
  const mode = setting(env, "INBOUND_NEW_TICKETS");
  if (mode === undefined || mode === "off") return null;
  if (mode !== "known-customers") {
    throw new Error(`INBOUND_NEW_TICKETS: give "off" (the default) or "known-customers" (got "${mode.slice(0, 40)}").`);
  }
  const category = setting(env, "INBOUND_NEW_TICKET_CATEGORY") ?? "";
  if (!category) {
    throw new Error("INBOUND_NEW_TICKET_CATEGORY must name the slug of the category new tickets by mail are opened in when INBOUND_NEW_TICKETS is known-customers.");
  }
  if (!CATEGORY_SLUG.test(category)) {
    throw new Error(`INBOUND_NEW_TICKET_CATEGORY: give a category's slug (lower-case letters, digits and -, at most 64; got "${category.slice(0, 70)}").`);
  }
  return { mode, category };
}
