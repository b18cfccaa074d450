import type { Actor } from "@/lib/actor";
import type { Transaction } from "@/lib/db/client";
import type { TicketStatus, Tier } from "@/lib/db/generated/enums";
import { AppError, notFound } from "@/lib/errors";
import { commentRefusal, type CommentVisibility } from "@/lib/routing/comment-access";
import { hasHandedOff } from "@/lib/tickets/core/handed-off";
import { attachmentQuotaRefusal, type TicketAttachmentTotals } from "./attachment-quota";

/**
 * Inside the transaction that records the files: locks the ticket row, so parallel uploads to one ticket
 * take turns and none counts files another has not committed yet, then checks again, on the locked row,
 * that `actor` may write on it and that the files fit its quota (413 otherwise).
 */
export async function lockTicketForUpload(
  tx: Transaction,
  actor: Actor,
  ticketId: number,
  sizes: number[],
  visibility: CommentVisibility = "PUBLIC",
): Promise<void> {
  const [ticket] = await tx.$queryRaw<{ tier: Tier; status: TicketStatus }[]>`
    SELECT "tier", "status" FROM "Ticket" WHERE "id" = ${ticketId} FOR UPDATE`;
  if (!ticket) throw notFound("Ticket");
  const handedOff = visibility === "INTERNAL" && (await hasHandedOff(tx, actor, ticketId));
  const refusal = commentRefusal(actor, ticket, visibility, { handedOff });
  if (refusal) throw new AppError(refusal.code, refusal.message);
  const overQuota = await ticketQuotaRefusal(tx, ticketId, sizes);
  if (overQuota) throw new AppError("PAYLOAD_TOO_LARGE", overQuota, { attachments: [overQuota] });
}

/** Would files of these sizes take the ticket past its quota, counting what it holds now? Why, or null when they fit. */
export async function ticketQuotaRefusal(tx: Transaction, ticketId: number, sizes: number[]): Promise<string | null> {
  const [held] = await tx.$queryRaw<TicketAttachmentTotals[]>`
    SELECT count(*)::int AS "files", coalesce(sum("size"), 0)::float8 AS "bytes" FROM "Attachment" WHERE "ticketId" = ${ticketId}`;
  return attachmentQuotaRefusal(held ?? { files: 0, bytes: 0 }, sizes);
}
