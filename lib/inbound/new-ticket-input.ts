// Issue 24: what a received mail that opens a new ticket says, as the intake's input. Pure. The title is the
// subject on one line, cut to the title limit ("(no subject)" when there is none); the description is the
// text without quoted history or signature (the full text when stripping left nothing), cleaned of what
// PostgreSQL cannot store and cut to the description limit. The idempotency key comes from the Message-ID,
// so the same mail can never open two tickets for its customer.
import { createHash } from "node:crypto";
import type { CreateTicketInput } from "@/lib/validation/ticket";
import { DESCRIPTION_MAX, TITLE_MAX } from "@/lib/validation/ticket";
import type { ParsedInboundMail } from "./parse-mail";
import { fitText, storableText } from "./reply-text";

export const NO_SUBJECT = "(no subject)";
export const NO_TEXT = "(The mail holds no text: see the received message.)";

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The ticket number a subject names in brackets ("Re: [INC-000123] Printer offline"), as our mails' subjects
 * do: such a mail is an answer whose headers were lost, or an autoresponder answering our "received" mail,
 * so it must never open a ticket (which would send another "received" mail: a loop).
 */
export function subjectTicketNumber(subject: string | null): string | null {
  return /\[((?:INC|REQ)-\d{6,})\]/i.exec(subject ?? "")?.[1]?.toUpperCase() ?? null;
}

export function newTicketTitle(subject: string | null): string {
  const line = storableText(subject ?? "").replace(/\s+/g, " ").trim();
  if (!line) return NO_SUBJECT;
  const title = line.length < 3 ? `Mail: ${line}` : line;
  return cutAt(title, TITLE_MAX).trim();
}

export function newTicketDescription(mail: Pick<ParsedInboundMail, "strippedText" | "fullText">): string {
  const text = storableText(mail.strippedText || mail.fullText).trim();
  return text ? fitText(text, DESCRIPTION_MAX) : NO_TEXT;
}

export function newTicketInput(mail: Pick<ParsedInboundMail, "messageId" | "subject" | "strippedText" | "fullText">, category: string): CreateTicketInput {
  return {
    type: "INCIDENT",
    title: newTicketTitle(mail.subject),
    description: newTicketDescription(mail),
    category,
    idempotencyKey: `mail-${createHash("sha256").update(mail.messageId).digest("hex")}`,
  };
}
