import type { Actor } from "@/lib/actor";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { prepareUploads } from "@/lib/attachments/prepare-uploads";
import { recordAttachments, withStoredUploads } from "@/lib/attachments/save-attachments";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import { ZAddComment } from "@/lib/validation/routing";
import { addComment, type CommentJson } from "./add-comment";

/**
 * A reply with files: the ticket (another customer's is "not found"), the text and the files are checked
 * before anything is written; then the bytes are stored, then the comment, then the attachment rows
 * naming it (so they are as visible as the comment).
 */
export async function replyWithAttachments(
  actor: Actor,
  number: string,
  input: unknown,
  files: File[],
  now = new Date(),
): Promise<{ comment: CommentJson; attachments: AttachmentJson[] }> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true, number: true } });
  if (!ticket) throw notFound("Ticket");
  parseInput(ZAddComment, input);
  return withStoredUploads(await prepareUploads(files), now, async (stored) => {
    const comment = await addComment(actor, number, input, now);
    const attachments = await recordAttachments({ ticketId: ticket.id, ticketNumber: ticket.number, commentId: comment.id, uploaderId: actor.id }, stored, now);
    return { result: { comment, attachments }, recorded: true };
  });
}
