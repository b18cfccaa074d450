// Issue 24: a received message as the intake needs it, read with mailparser. HTML-only mail is reduced to
// text by mailparser (never rendered); the text is made storable and its quoted history stripped.
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject } from "mailparser";
import type { MailAttachment } from "./mail-attachments";
import type { MailFacts } from "./noise";
import { splitReply, storableText } from "./reply-text";

export interface ParsedInboundMail {
  messageId: string;
  fromAddress: string | null;
  subject: string | null;
  /** The whole text part (HTML-only mail reduced to text), cut to MAIL_TEXT_MAX. */
  fullText: string;
  /** The reply: quoted history and signature stripped. */
  strippedText: string;
  /** What was stripped off (null when nothing was, or nothing was left). */
  quotedText: string | null;
  /** To, Cc, Delivered-To and X-Original-To: where a reply address may be. */
  recipients: string[];
  /** In-Reply-To and References: the Message-IDs it answers. */
  referencedIds: string[];
  /** The files it carried. */
  attachments: MailAttachment[];
  facts: MailFacts;
}

/** A Message-ID for a message that has none (or cannot be read): the hash of its bytes, so a replay is still one. */
export function fallbackMessageId(raw: Buffer): string {
  return `<sha256-${createHash("sha256").update(raw).digest("hex")}@no-message-id.invalid>`;
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) => group.value.flatMap((a) => [a.address ?? "", ...(a.group ?? []).map((g) => g.address ?? "")])).filter(Boolean);

const MESSAGE_ID = /<[^<>\s]+>/g;

export async function parseInboundMail(raw: Buffer): Promise<ParsedInboundMail> {
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const name = key.toLowerCase();
    if (!(name in headers)) headers[name] = storableText(line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim());
  }
  const fromAddress = parsed.from?.value[0]?.address?.trim().toLowerCase() || null;
  const messageId = parsed.messageId ? storableText(parsed.messageId.trim()).slice(0, 998) : fallbackMessageId(raw);
  const references = Array.isArray(parsed.references) ? parsed.references.join(" ") : (parsed.references ?? "");
  const referencedIds = [...`${parsed.inReplyTo ?? ""} ${references}`.matchAll(MESSAGE_ID)].map((m) => m[0]);
  const delivered = [headers["delivered-to"], headers["x-original-to"]].filter((v): v is string => !!v).flatMap((v) => v.split(",")).map((v) => v.replace(/^.*</, "").replace(/>.*$/, "").trim());
  const text = splitReply(parsed.text ?? "");
  return {
    messageId,
    fromAddress,
    subject: parsed.subject ? storableText(parsed.subject).slice(0, 998) : null,
    fullText: text.full,
    strippedText: text.reply,
    quotedText: text.quoted,
    recipients: [...addressesOf(parsed.to), ...addressesOf(parsed.cc), ...delivered],
    referencedIds: [...new Set(referencedIds)],
    attachments: parsed.attachments.map((a) => ({ fileName: storableText(a.filename ?? "attachment").slice(0, 255), content: new Uint8Array(a.content) })),
    facts: { headers, fromAddress, messageId, contentType: headers["content-type"]?.split(";")[0]?.trim().toLowerCase() ?? null },
  };
}
