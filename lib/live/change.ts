import { z } from "zod";
import { TicketEventType, TicketStatus, Tier } from "@/lib/db/generated/enums";
import { storableString } from "@/lib/validation/text";

/** The one channel every instance LISTENs on; the triggers of migration live_updates NOTIFY on it. */
export const LIVE_CHANNEL = "tierdesk_live";

const id = storableString().min(1).max(100);
const maybe = storableString().max(100).nullable();
const tier = z.enum(Tier).nullable();

const ZEventChange = z.object({
  k: z.literal("event"),
  id: z.number().int(),
  type: z.enum(TicketEventType),
  rule: maybe,
  /** A comment's visibility (COMMENTED events), else null. */
  visibility: maybe,
  /** Who decided (User.id), or null for the system. */
  actor: id.nullable(),
  actorName: storableString().max(400).nullable(),
  ticket: z.number().int(),
  number: storableString().min(1).max(40),
  /** The ticket's customer (User.id). */
  customer: id,
  version: z.number().int(),
  status: z.enum(TicketStatus),
  /** Before, after (the event's from and to) and now (the ticket as the transaction left it). */
  tiers: z.tuple([tier, tier, tier]),
  /** Group slugs, as tiers. */
  groups: z.tuple([maybe, maybe, maybe]),
  /** Assignees' user IDs (logins), as tiers. */
  assignees: z.tuple([maybe, maybe, maybe]),
});

const ZNotificationChange = z.object({ k: z.literal("notification"), id: z.number().int(), to: id, ticket: z.number().int() });
const ZPresenceChange = z.object({ k: z.literal("presence"), number: storableString().min(1).max(40).nullable(), user: id });
const ZUserChange = z.object({ k: z.literal("user"), id });
const ZSessionChange = z.object({ k: z.literal("session"), sid: id });
const ZTokenChange = z.object({ k: z.literal("token"), id });

const ZLiveChange = z.discriminatedUnion("k", [ZEventChange, ZNotificationChange, ZPresenceChange, ZUserChange, ZSessionChange, ZTokenChange]);

/** A committed change as its NOTIFY announced it: ids and routing facts, never a body. */
export type LiveChange = z.infer<typeof ZLiveChange>;
export type EventChange = z.infer<typeof ZEventChange>;

/** Reads one NOTIFY payload; null for anything that is not one of the shapes above (logged by the caller, never thrown). */
export function parseLiveChange(payload: string): LiveChange | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = ZLiveChange.safeParse(json);
  return parsed.success ? parsed.data : null;
}
