import { z } from "zod";
import { storableString } from "./text";
import { ZTicketNumber } from "./ticket";

/** GET /api/v1/stream's query: the ticket open in this tab (staff), and where to resume when the header cannot say it. */
export const ZStreamQuery = z.strictObject({
  ticket: ZTicketNumber.optional(),
  /** The id of the last event seen, for a new EventSource (the browser sends the Last-Event-ID header only on its own reconnects). */
  lastEventId: storableString().max(64, "At most 64 characters.").optional(),
});
export type StreamQuery = z.infer<typeof ZStreamQuery>;
