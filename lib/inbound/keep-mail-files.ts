// Issue 24: the files a received mail carried, kept on the ticket it lands on (as the ticket's customer's),
// whether it is posted when it arrives or accepted later by a person from the Inbound list.
import { gunzipSync } from "node:zlib";
import { ticketQuotaRefusal } from "@/lib/attachments/lock-ticket-for-upload";
import { recordAttachments, type StoredUpload } from "@/lib/attachments/save-attachments";
import type { Transaction } from "@/lib/db/client";
import { checkMailAttachments, type CheckedAttachments } from "./mail-attachments";
import { parseInboundMail } from "./parse-mail";

/** Records the stored files on the reply (or on the new ticket), unless they would take the ticket past its quota. */
export async function keepMailFiles(tx: Transaction, ticketId: number, commentId: number | null, stored: StoredUpload[], now: Date): Promise<{ recorded: boolean; note: string | null }> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { number: true, customerId: true } });
  const overQuota = await ticketQuotaRefusal(tx, ticketId, stored.map((s) => s.size));
  if (overQuota) return { recorded: false, note: `Attachments skipped: ${overQuota}` };
  await recordAttachments(tx, { ticketId, ticketNumber: ticket.number, ...(commentId === null ? {} : { commentId }), uploaderId: ticket.customerId }, stored, now);
  return { recorded: true, note: null };
}

const attachments = (count: number) => `${count} attachment${count === 1 ? "" : "s"}`;
export const filesNotPosted = (count: number) => `${attachments(count)} not posted (kept in the received message).`;
export const filesHeld = (count: number) => `${attachments(count)} held with it: accepting it posts ${count === 1 ? "it" : "them"} with the reply.`;
export const filesKept = (count: number) => `${attachments(count)} kept with the reply.`;

/** A stored mail's files, read again from its raw message and checked as on arrival (none when it cannot be read). */
export async function filesOfStoredMail(raw: Uint8Array): Promise<CheckedAttachments> {
  try {
    return checkMailAttachments((await parseInboundMail(gunzipSync(raw))).attachments);
  } catch {
    return { accepted: [], refused: [] };
  }
}
