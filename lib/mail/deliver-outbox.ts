// The outbox delivery worker. Each run claims due rows by setting a lease in one atomic statement
// (FOR UPDATE SKIP LOCKED inside it), so two workers never hold the same row; it sends each claimed row
// and marks it SENT, or schedules a retry with exponential back-off, or gives up (FAILED) after
// MAX_ATTEMPTS. A row is only marked by the worker whose lease it still carries. A held status mail
// (lib/mail/mail-timing.ts) is due only when its wait ends, with the latest state its changes left; taking
// it clears its coalesceKey, so a later change holds a new mail instead of rewriting one being sent.
import nodemailer from "nodemailer";
import { db } from "@/lib/db/client";
import { portalBase } from "./mail-texts";
import { replyHeadersFor, type ReplyHeaders } from "./reply-headers";
import { inboundDomain as inboundDomainSetting } from "./reply-key";

export const MAX_ATTEMPTS = 8;
/** The first retry waits this long; each further one doubles it, up to BACKOFF_CAP_SECONDS. */
export const BACKOFF_BASE_SECONDS = 30;
export const BACKOFF_CAP_SECONDS = 60 * 60;
// Longer than a whole batch can take at the transport timeouts below, so a lease never ends mid-send.
const LEASE_SECONDS = 600;
const BATCH = 10;

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface DeliveryOptions {
  now?: Date;
  /** Unset: mail stays in the outbox (marked delivered there, visible at /admin/outbox); no SMTP is tried. */
  smtpUrl?: string;
  from?: string;
  /** Issue 24: customer mail carries a Reply-To that leads back to its ticket, and our Message-ID. Unset: INBOUND_DOMAIN (off when empty). */
  inboundDomain?: string;
}

interface ClaimedMessage {
  id: number;
  toAddress: string;
  subject: string;
  body: string;
  /** Mail to staff: the page it links to, on this site's address. */
  linkPath: string | null;
  ticketId: number | null;
  messageId: string | null;
  attempts: number;
  leasedUntil: Date;
}

/** The text as sent: a staff mail ends with the link to its page, on the address this instance serves. */
export function mailText(message: { body: string; linkPath: string | null }): string {
  return message.linkPath ? `${message.body}\n\nOpen the ticket: ${portalBase()}${message.linkPath}\n` : message.body;
}

export function backoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

export async function deliverOutbox(options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const smtpUrl = options.smtpUrl ?? process.env.SMTP_URL;
  const from = options.from ?? process.env.MAIL_FROM ?? "Tierdesk Support <support@tierdesk.invalid>";
  const leasedUntil = new Date(now.getTime() + LEASE_SECONDS * 1000);
  // A held mail whose changes ended where they began has nothing to tell: the customer heard that state last
  // (from the mail before it, which carried the ticket's status then, or is still to send it).
  await db().$executeRaw`
    DELETE FROM "OutboxMessage"
    WHERE "coalesceKey" IS NOT NULL AND "statusAfter" = "statusBefore" AND "nextAttemptAt" <= ${now}`;
  const claimed = await db().$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" SET "leasedUntil" = ${leasedUntil}, "attempts" = "attempts" + 1, "coalesceKey" = NULL
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("leasedUntil" IS NULL OR "leasedUntil" <= ${now})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "toAddress", "subject", "body", "linkPath", "ticketId", "messageId", "attempts", "leasedUntil"`;
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  if (!claimed.length) return result;

  const domain = options.inboundDomain !== undefined ? options.inboundDomain.trim().toLowerCase() || undefined : inboundDomainSetting();
  const replyHeaders: Map<number, ReplyHeaders> = domain ? await replyHeadersFor(claimed, domain) : new Map();
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : null;
  try {
    for (const message of claimed) {
      try {
        const reply = replyHeaders.get(message.id);
        if (transport) {
          await transport.sendMail({
            from,
            to: message.toAddress,
            subject: message.subject,
            text: mailText(message),
            // Stable per message: a receiver can drop a copy if a crash after acceptance makes us send again.
            messageId: reply?.messageId ?? `<outbox-${message.id}@tierdesk>`,
            ...(reply ? { replyTo: reply.replyTo } : {}),
          });
        }
        await markSent(message, transport ? "smtp" : "outbox-only", now);
        result.sent++;
      } catch (error) {
        const gaveUp = await markFailedAttempt(message, error, now);
        result[gaveUp ? "failed" : "retried"]++;
      }
    }
  } finally {
    transport?.close();
  }
  return result;
}

async function markSent(message: ClaimedMessage, via: string, now: Date): Promise<void> {
  await db().outboxMessage.updateMany({
    where: { id: message.id, leasedUntil: message.leasedUntil },
    data: { status: "SENT", sentAt: now, deliveredVia: via, leasedUntil: null, lastError: null },
  });
}

async function markFailedAttempt(message: ClaimedMessage, error: unknown, now: Date): Promise<boolean> {
  const gaveUp = message.attempts >= MAX_ATTEMPTS;
  await db().outboxMessage.updateMany({
    where: { id: message.id, leasedUntil: message.leasedUntil },
    data: {
      status: gaveUp ? "FAILED" : "PENDING",
      nextAttemptAt: new Date(now.getTime() + backoffSeconds(message.attempts) * 1000),
      leasedUntil: null,
      lastError: String(error instanceof Error ? error.message : error).slice(0, 1_000),
    },
  });
  return gaveUp;
}

