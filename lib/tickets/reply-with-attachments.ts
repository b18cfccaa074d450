import type { Actor } from "@/lib/actor";
import type { AttachmentJson } from "@/lib/attachments/attachment-json";
import { lockTicketForUpload } from "@/lib/attachments/lock-ticket-for-upload";
import { prepareUploads } from "@/lib/attachments/prepare-uploads";
import { recordAttachments, withStoredUploads } from "@/lib/attachments/save-attachments";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZAddComment } from "@/lib/validation/routing";
import { addCommentIn, type CommentJson } from "./add-comment";
import { commentRefusal } from "@/lib/routing/comment-access";
import { hasHandedOff } from "@/lib/tickets/core/handed-off";

/**
 * A reply with files: the ticket (another customer's is "not found"), whether `actor` may write on it, the
 * text and the files are checked before anything is written; then the bytes are stored, then, in one
 * transaction on the locked ticket, the quota is checked and the comment and the attachment rows naming it
 * (so they are as visible as the comment) are written. A refused reply writes no comment and keeps no file.
 */
export async function replyWithAttachments(
  actor: Actor,
  number: string,
  input: VerbInput<typeof ZAddComment>,
  files: File[],
  now = new Date(),
): Promise<{ comment: CommentJson; attachments: AttachmentJson[] }> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true, number: true, tier: true, status: true } });
  if (!ticket) throw notFound("Ticket");
  const { visibility } = parseInput(ZAddComment, input);
  const handedOff = visibility === "INTERNAL" && (await hasHandedOff(db(), actor, ticket.id));
  const refusal = commentRefusal(actor, ticket, visibility, { handedOff });
  if (refusal) throw new AppError(refusal.code, refusal.message);
  return withStoredUploads(await prepareUploads(files), now, async (stored) => ({
    result: await db().$transaction(async (tx) => {
      await lockTicketForUpload(tx, actor, ticket.id, stored.map((s) => s.size), visibility);
      const comment = await addCommentIn(tx, actor, number, input, now);
      const attachments = await recordAttachments(tx, { ticketId: ticket.id, ticketNumber: ticket.number, commentId: comment.id, uploaderId: actor.id }, stored, now);
      return { comment, attachments };
    }),
    recorded: true,
  }));
}
