import type { Actor } from "@/lib/actor";
import type { TicketChannel } from "@/lib/db/generated/enums";
import { AppError, forbidden, invalid, type FieldErrors } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { checkClaim } from "@/lib/routing/guards";
import type { CreateTicketInput } from "@/lib/validation/ticket";

/** Where a customer's own ticket came in: the portal's form, the JSON API, or a mail of theirs (issue 24, INBOUND_NEW_TICKETS). */
export type SelfServiceChannel = Extract<TicketChannel, "PORTAL" | "API" | "EMAIL">;

const ENTRY_WORDS: Record<SelfServiceChannel, string> = { PORTAL: "the portal", API: "the API", EMAIL: "email" };

/** The channels staff log a contact from: how the customer reached the desk. */
export const STAFF_CHANNELS = ["PHONE", "CHAT", "EMAIL", "WALK_IN"] as const satisfies readonly TicketChannel[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

const isStaffChannel = (channel: TicketChannel): channel is StaffChannel => (STAFF_CHANNELS as readonly TicketChannel[]).includes(channel);

/** Who an intake is for, and how it came in: decided before anything is read or written. */
export type IntakeParty =
  | { kind: "self"; channel: SelfServiceChannel }
  | { kind: "on-behalf"; customer: string; channel: StaffChannel; claim: boolean; resolution: string | null };

/**
 * A customer opens their own ticket (the channel is where it came in; naming a customer or a staff channel
 * is refused); staff log a contact for a customer, naming the customer and the channel. "I'm handling it"
 * is for L1 agents (the ticket enters at L1, as a claim there); resolving on first contact needs the claim.
 */
export function intakePartyOf(actor: Actor, data: CreateTicketInput, entry: SelfServiceChannel): IntakeParty {
  if (actor.role === "CUSTOMER") {
    if (!can(actor, "ticket:create")) throw forbidden("Only customers open tickets here.");
    const fields: FieldErrors = {};
    if (data.customer !== undefined) fields.customer = ["Customers open tickets for themselves only: leave out customer."];
    if (data.channel !== undefined && data.channel !== entry) fields.channel = [`Your ticket comes in through ${ENTRY_WORDS[entry]}: leave out channel.`];
    if (data.claim !== undefined) fields.claim = ["Only support staff take tickets."];
    if (data.resolution !== undefined) fields.resolution = ["Only support staff resolve tickets."];
    if (Object.keys(fields).length) throw invalid(fields);
    return { kind: "self", channel: entry };
  }
  if (!can(actor, "ticket:create-for-customer")) throw forbidden("You may not open tickets.");
  const fields: FieldErrors = {};
  if (data.customer === undefined) fields.customer = ["Choose the customer this contact is for."];
  if (data.channel === undefined || !isStaffChannel(data.channel)) fields.channel = ["Choose how the customer reached you: phone, chat, email or walk-in."];
  const claim = data.claim === true;
  if (data.resolution !== undefined && !claim) fields.resolution = ["Take the ticket (I'm handling it) to resolve it on first contact."];
  if (Object.keys(fields).length) throw invalid(fields);
  if (claim) {
    const verdict = checkClaim(actor, { tier: "L1", status: "NEW", assigneeId: null, impact: null, urgency: null, categoryId: null });
    if (!verdict.ok) throw new AppError(verdict.code, "Only L1 agents take a new ticket: it enters at L1. Leave I'm handling it unticked.");
  }
  return { kind: "on-behalf", customer: data.customer!, channel: data.channel as StaffChannel, claim, resolution: data.resolution ?? null };
}
