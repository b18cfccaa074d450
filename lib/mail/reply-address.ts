// Issue 24: the address a customer's reply comes back to, and our own Message-IDs. Pure: the key is passed in
// (lib/mail/reply-key.ts derives it from the auth secret), so tests need neither secret nor database.
//   support+<ticketNumber>.<token>@<INBOUND_DOMAIN>
// The token is an HMAC of the ticket's id and its customer's id: it names the ticket a reply belongs to and
// cannot be forged for another ticket. Whoever holds a mail holds its token, so the sender is checked as well.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const REPLY_LOCAL_PREFIX = "support";
/** 20 hex characters: 80 bits of the HMAC. */
export const REPLY_TOKEN_LENGTH = 20;
const TICKET_NUMBER = /^(INC|REQ)-\d{6,}$/;

export function replyToken(key: Buffer, ticketId: number, customerId: string): string {
  return createHmac("sha256", key).update(`ticket:${ticketId}\ncustomer:${customerId}`).digest("hex").slice(0, REPLY_TOKEN_LENGTH);
}

/** True when `given` is the token for this ticket and customer; compared in constant time. */
export function replyTokenMatches(key: Buffer, ticketId: number, customerId: string, given: string): boolean {
  const expected = Buffer.from(replyToken(key, ticketId, customerId), "utf8");
  const actual = Buffer.from(given.toLowerCase(), "utf8");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function replyAddress(ticketNumber: string, token: string, domain: string): string {
  return `${REPLY_LOCAL_PREFIX}+${ticketNumber}.${token}@${domain.toLowerCase()}`;
}

export interface ParsedReplyAddress {
  ticketNumber: string;
  token: string;
}

/**
 * The ticket number and token of one of our reply addresses, or null when `address` is not one (another
 * domain, another local part, a malformed number or token). Mail systems may change the case of the local
 * part, so the number is read case-insensitively.
 */
export function parseReplyAddress(address: string, domain: string): ParsedReplyAddress | null {
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  const match = /^support\+([a-z]{3}-\d{6,})\.([0-9a-f]+)$/i.exec(address.slice(0, at));
  if (!match) return null;
  const ticketNumber = match[1]!.toUpperCase();
  const token = match[2]!.toLowerCase();
  if (!TICKET_NUMBER.test(ticketNumber) || token.length !== REPLY_TOKEN_LENGTH) return null;
  return { ticketNumber, token };
}

/** The first of `addresses` that is one of our reply addresses. */
export function findReplyAddress(addresses: readonly string[], domain: string): ParsedReplyAddress | null {
  for (const address of addresses) {
    const parsed = parseReplyAddress(address.trim(), domain);
    if (parsed) return parsed;
  }
  return null;
}

/** Our Message-ID for an outbox row: unique (a random part) and in our domain, angle brackets included. */
export function outboundMessageId(outboxId: number, domain: string, random: Buffer = randomBytes(8)): string {
  return `<outbox-${outboxId}.${random.toString("hex")}@${domain.toLowerCase()}>`;
}

/** True when a Message-ID is one of ours (its domain is INBOUND_DOMAIN). */
export function isOwnMessageId(messageId: string | null | undefined, domain: string): boolean {
  if (!messageId) return false;
  const id = messageId.trim().replace(/^<|>$/g, "");
  const at = id.lastIndexOf("@");
  return at >= 0 && id.slice(at + 1).toLowerCase() === domain.toLowerCase();
}
