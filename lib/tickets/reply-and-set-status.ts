import type { Actor } from "@/lib/actor";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { AppError, forbidden } from "@/lib/errors";
import { updateTicket } from "@/lib/routing/update-ticket";
import { ZStatusAfterReply } from "@/lib/validation/macro";
import { parseInput } from "@/lib/validation/parse";
import type { ZAddComment } from "@/lib/validation/routing";
import type { VerbInput } from "@/lib/validation/unchecked";
import type { CommentJson } from "./add-comment";
import { getTicket } from "./core/get-ticket";
import { replyWithAttachments } from "./reply-with-attachments";

export interface ReplyAndStatus {
  comment: CommentJson;
  attachments: AttachmentJson[];
  /** The status set after the reply, null when none was asked or the ticket already had it. */
  statusSet: TicketStatus | null;
  /** Why the status asked for was not set (the reply was sent all the same). */
  statusRefused: string | null;
}

/**
 * A reply or note (with files), then, when the agent kept a macro's status to set, that status through the
 * ordinary status change (its checks, event and mail) on the version the reply left.
 */
export async function replyAndSetStatus(actor: Actor, number: string, input: VerbInput<typeof ZAddComment> & { setStatus?: VerbInput<typeof ZStatusAfterReply> }, files: File[], now = new Date()): Promise<ReplyAndStatus> {
  const { setStatus, ...comment } = input;
  const status = parseInput(ZStatusAfterReply, setStatus) || null;
  if (status && actor.role === "CUSTOMER") throw forbidden("Customers reply, confirm or reopen from the portal.");
  const sent = await replyWithAttachments(actor, number, comment, files, now);
  if (!status) return { ...sent, statusSet: null, statusRefused: null };
  try {
    const ticket = await getTicket(actor, number);
    if (ticket.status === status) return { ...sent, statusSet: null, statusRefused: null };
    await updateTicket(actor, number, { version: ticket.version, status }, now);
    return { ...sent, statusSet: status, statusRefused: null };
  } catch (error) {
    if (error instanceof AppError) return { ...sent, statusSet: null, statusRefused: error.message };
    throw error;
  }
}
