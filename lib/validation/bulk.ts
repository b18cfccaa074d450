import { z } from "zod";
import { positiveInt4 } from "./int4";
import { COMMENT_MAX, ZAssignTicket } from "./routing";
import { storableString } from "./text";
import { ZTicketNumber } from "./ticket";
import { TicketStatus } from "@/lib/db/generated/enums";

/** The most tickets one bulk action takes: more is a 400, so one request stays a bounded amount of work. */
export const BULK_MAX = 100;

export const BULK_ACTIONS = ["claim", "assign", "status", "note"] as const;
export type BulkActionName = (typeof BULK_ACTIONS)[number];

/** The tickets as the queue showed them: the version is the one each row was read at. */
const ZBulkTickets = z
  .array(z.strictObject({ number: ZTicketNumber, version: positiveInt4("Send the version you last read.") }), { error: "Choose tickets." })
  .min(1, "Choose at least one ticket.")
  .max(BULK_MAX, `Choose at most ${BULK_MAX} tickets at once.`)
  .refine((tickets) => new Set(tickets.map((t) => t.number)).size === tickets.length, "Each ticket once.");

/** One action over many tickets, as the queue's bulk bar and `POST /api/v1/tickets/bulk` send it. */
export const ZBulkAction = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("claim"), tickets: ZBulkTickets }),
    z.strictObject({ action: z.literal("assign"), tickets: ZBulkTickets, assign: ZAssignTicket }),
    z.strictObject({ action: z.literal("status"), tickets: ZBulkTickets, status: z.enum(TicketStatus, { error: "Unknown status." }) }),
    z.strictObject({
      action: z.literal("note"),
      tickets: ZBulkTickets,
      body: storableString({ error: "Enter a note." }).trim().min(1, "Enter a note.").max(COMMENT_MAX, `Keep the note within ${COMMENT_MAX.toLocaleString("en")} characters.`),
    }),
  ],
  { error: "Choose claim, assign, status or note." },
);
export type BulkActionInput = z.infer<typeof ZBulkAction>;
