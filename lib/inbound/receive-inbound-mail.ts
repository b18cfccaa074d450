// Issue 24: the intake of every received mail (the SMTP receiver and the IMAP fetcher hand each message here).
// Nothing received is lost: the raw message is stored (gzip) first, under its Message-ID, which makes a
// replay land once even when two copies arrive at the same moment (the unique index decides, ON CONFLICT DO
// NOTHING). Then, in the same transaction: noise is recorded and ignored; a reply from the ticket's customer
// to a ticket that is not closed is posted as their public reply; anything else is held for a person.
// Nothing is ever sent back to the sender from here, but for one case, off by default: with
// INBOUND_NEW_TICKETS=known-customers a mail answering none of ours, from exactly one active customer's
// address, opens a ticket through the usual intake (whose "received" mail goes to that customer), after the
// row is committed (open-new-ticket.ts).
import { gzipSync } from "node:zlib";
import { db, type Transaction } from "@/lib/db/client";
import type { InboundMailStatus, InboundMailVia } from "@/lib/db/generated/enums";
import { withStoredUploads, type StoredUpload } from "@/lib/attachments/save-attachments";
import { filesHeld, filesNotPosted, keepMailFiles } from "./keep-mail-files";
import { checkMailAttachments } from "./mail-attachments";
import { matchTicket } from "./match-ticket";
import { classifyNoise } from "./noise";
import { subjectTicketNumber } from "./new-ticket-input";
import { inboundNewTicketSettings } from "./new-ticket-settings";
import { openFailure, openTicketForMail, senderCustomer, type NewTicketPlan } from "./open-new-ticket";
import { fallbackMessageId, parseInboundMail, type ParsedInboundMail } from "./parse-mail";
import { postCustomerReply } from "./post-reply";
import { inboundDomain, replyKey } from "@/lib/mail/reply-key";

/** At most this many mails per sender per hour are processed; the rest are held. */
export const INBOUND_PER_SENDER_PER_HOUR = 20;

export interface InboundMailOutcome {
  id: number;
  status: InboundMailStatus;
  reason: string;
  /** True when this Message-ID had been received before: nothing was done again. */
  duplicate: boolean;
  ticketNumber: string | null;
  commentId: number | null;
}

interface Decision {
  status: InboundMailStatus;
  reason: string;
  ticketId: number | null;
  commentId: number | null;
}

/** A decision to open a new ticket: the row stays HELD until the ticket is opened after the commit. */
interface OpenDecision extends Decision {
  open?: NewTicketPlan;
}

/** What the SMTP session said (RCPT TO), when the mail came over SMTP: a reply address there counts like one in To. */
export interface InboundEnvelope {
  rcptTo?: readonly string[];
  mailFrom?: string | null;
}

export async function receiveInboundMail(raw: Buffer, via: InboundMailVia, now = new Date(), envelope?: InboundEnvelope): Promise<InboundMailOutcome> {
  let mail: ParsedInboundMail | null = null;
  let parseError: string | null = null;
  try {
    mail = await parseInboundMail(raw);
    if (envelope?.rcptTo?.length) mail.recipients.push(...envelope.rcptTo);
  } catch (error) {
    parseError = error instanceof Error ? error.message : String(error);
  }
  const compressed = new Uint8Array(gzipSync(raw));
  const row: StoredMail = {
    messageId: mail?.messageId ?? fallbackMessageId(raw),
    raw: compressed,
    via,
    fromAddress: mail?.fromAddress ?? null,
    subject: mail?.subject ?? null,
    strippedText: mail?.strippedText ?? null,
    fullText: mail?.fullText ?? null,
    quotedText: mail?.quotedText ?? null,
    receivedAt: now,
  };
  const files = checkMailAttachments(mail?.attachments ?? []);
  try {
    // The accepted files are stored first; they are kept only when the reply is posted and they fit the ticket's quota.
    return await withStoredUploads(files.accepted, now, async (stored) => {
      let recorded = false;
      let opening: { id: number; plan: NewTicketPlan; notes: string[] } | null = null;
      const result = await db().$transaction(async (tx) => {
        opening = null;
        const inserted = await store(tx, row, "HELD", "Received; being processed.");
        if (!inserted) return duplicateOf(tx, row.messageId);
        const { open, ...decision }: OpenDecision = mail ? await decide(tx, inserted.id, mail, now) : held(`It could not be read as a mail: ${parseError}`);
        const notes = [...files.refused.map((why) => `Attachment skipped: ${why}`)];
        if (open) {
          opening = { id: inserted.id, plan: open, notes };
          return finish(tx, inserted.id, decision);
        }
        if (decision.status === "POSTED" && stored.length) {
          const attached = await keepMailFiles(tx, decision.ticketId!, decision.commentId!, stored, now);
          recorded = attached.recorded;
          if (attached.note) notes.push(attached.note);
        } else if (stored.length) {
          notes.push(decision.status === "HELD" ? filesHeld(stored.length) : filesNotPosted(stored.length));
        }
        return finish(tx, inserted.id, notes.length ? { ...decision, reason: `${decision.reason} ${notes.join(" ")}`.slice(0, 4_000) } : decision);
      });
      const toOpen = opening as { id: number; plan: NewTicketPlan; notes: string[] } | null;
      if (toOpen && mail) return openNewTicket(toOpen.id, toOpen.plan, toOpen.notes, mail, stored, now);
      return { result, recorded };
    });
  } catch (error) {
    // Posting failed (a refusal we did not foresee, a lost race): the mail is still kept, held with why.
    const message = error instanceof Error ? error.message : String(error);
    return db().$transaction(async (tx) => {
      const inserted = await store(tx, row, "HELD", `It could not be posted: ${message}`.slice(0, 1_000));
      if (!inserted) return duplicateOf(tx, row.messageId);
      return finish(tx, inserted.id, held(`It could not be posted: ${message}`.slice(0, 1_000)));
    });
  }
}

/**
 * The row is committed, HELD: open the ticket, then mark the row POSTED with it and keep the mail's files on
 * the new ticket (as the customer's), in one transaction. Should opening fail, the row stays held, saying why.
 */
async function openNewTicket(id: number, plan: NewTicketPlan, notes: string[], mail: ParsedInboundMail, stored: StoredUpload[], now: Date): Promise<{ result: InboundMailOutcome; recorded: boolean }> {
  let opened: Awaited<ReturnType<typeof openTicketForMail>>;
  try {
    opened = await openTicketForMail(db(), plan, mail, now);
  } catch (error) {
    const reason = `It answers none of our mails and could not open a new ticket: ${openFailure(error)}`.slice(0, 1_000);
    const result = await db().$transaction((tx) => finish(tx, id, held(reason)));
    return { result, recorded: false };
  }
  const number = opened.ticket.number;
  try {
    return await markOpened(id, number, opened.created, notes, stored, now);
  } catch (error) {
    // The ticket is open: say so on the row even when keeping its files failed.
    const why = error instanceof Error ? error.message : String(error);
    return markOpened(id, number, opened.created, [...notes, `Its files were not kept: ${why}`.slice(0, 500)], [], now);
  }
}

async function markOpened(id: number, number: string, created: boolean, notes: string[], stored: StoredUpload[], now: Date): Promise<{ result: InboundMailOutcome; recorded: boolean }> {
  return db().$transaction(async (tx) => {
    const { id: ticketId } = await tx.ticket.findUniqueOrThrow({ where: { number }, select: { id: true } });
    const all = [...notes];
    let recorded = false;
    if (stored.length && created) {
      const attached = await keepMailFiles(tx, ticketId, null, stored, now);
      recorded = attached.recorded;
      if (attached.note) all.push(attached.note);
    } else if (stored.length) {
      all.push(filesNotPosted(stored.length));
    }
    const reason = created
      ? `It answers none of our mails and its sender is a known customer: opened a new ticket, ${number}.`
      : `It answers none of our mails; the ticket this mail opened before is ${number}.`;
    const result = await finish(tx, id, { status: "POSTED", reason: [reason, ...all].join(" ").slice(0, 4_000), ticketId, commentId: null });
    return { result, recorded };
  });
}

const held = (reason: string, ticketId: number | null = null): Decision => ({ status: "HELD", reason, ticketId, commentId: null });

interface StoredMail {
  messageId: string;
  raw: Uint8Array<ArrayBuffer>;
  via: InboundMailVia;
  fromAddress: string | null;
  subject: string | null;
  strippedText: string | null;
  fullText: string | null;
  quotedText: string | null;
  receivedAt: Date;
}

async function store(tx: Transaction, row: StoredMail, status: InboundMailStatus, reason: string): Promise<{ id: number } | null> {
  const { count } = await tx.inboundMail.createMany({ data: [{ ...row, status, reason }], skipDuplicates: true });
  if (!count) return null;
  return tx.inboundMail.findUniqueOrThrow({ where: { messageId: row.messageId }, select: { id: true } });
}

async function duplicateOf(tx: Transaction, messageId: string): Promise<InboundMailOutcome> {
  const existing = await tx.inboundMail.findUniqueOrThrow({ where: { messageId }, select: { id: true, status: true, reason: true, commentId: true, ticket: { select: { number: true } } } });
  return { id: existing.id, status: existing.status, reason: existing.reason, duplicate: true, ticketNumber: existing.ticket?.number ?? null, commentId: existing.commentId };
}

async function finish(tx: Transaction, id: number, decision: Decision): Promise<InboundMailOutcome> {
  const saved = await tx.inboundMail.update({ where: { id }, data: decision, select: { ticket: { select: { number: true } } } });
  return { id, ...decision, duplicate: false, ticketNumber: saved.ticket?.number ?? null };
}

async function decide(tx: Transaction, id: number, mail: ParsedInboundMail, now: Date): Promise<OpenDecision> {
  const domain = inboundDomain();
  const noise = classifyNoise(mail.facts, domain);
  if (noise) return { status: "IGNORED", reason: noise.reason, ticketId: null, commentId: null };
  if (!mail.fromAddress) return held("It names no sender.");
  // One sender's mails are counted one at a time (the lock is held to the commit), so that two racing at the limit cannot both pass.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`inbound-sender:${mail.fromAddress}`}, 0))`;
  const recent = await tx.inboundMail.count({ where: { fromAddress: mail.fromAddress, receivedAt: { gt: new Date(now.getTime() - 3_600_000) }, id: { not: id } } });
  if (recent >= INBOUND_PER_SENDER_PER_HOUR) return held(`More than ${INBOUND_PER_SENDER_PER_HOUR} mails from this sender in an hour: held for a person to look at.`);

  const match = await matchTicket(tx, mail, domain, replyKey());
  if (!match.ticket) return match.answersNone ? newTicketOrHeld(tx, mail, mail.fromAddress, match.reason) : held(match.reason);
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: match.ticket.id }, select: { status: true, customer: { select: { email: true } } } });
  if (mail.fromAddress !== ticket.customer.email?.trim().toLowerCase()) {
    return held(`The sender is not the customer of ${match.ticket.number}.`, match.ticket.id);
  }
  if (ticket.status === "CLOSED") return held(`${match.ticket.number} is closed.`, match.ticket.id);
  const text = mail.strippedText || mail.fullText;
  if (!text) return held("It holds no text.", match.ticket.id);
  const posted = await postCustomerReply(tx, match.ticket.id, text, now);
  const how = match.ticket.how === "reply-address" ? "its reply address" : "In-Reply-To/References";
  return {
    status: "POSTED",
    reason: `Posted on ${match.ticket.number} as the customer's reply (matched by ${how})${posted.reopened ? "; the resolved ticket is reopened" : ""}.`,
    ticketId: match.ticket.id,
    commentId: posted.commentId,
  };
}

/**
 * A mail that answers none of ours: held, unless new tickets by mail are on and its sender is exactly one
 * active customer's address (the reason says not which of "no customer", "several" or "deactivated" it was).
 */
async function newTicketOrHeld(tx: Transaction, mail: ParsedInboundMail, fromAddress: string, reason: string): Promise<OpenDecision> {
  let settings: ReturnType<typeof inboundNewTicketSettings>;
  try {
    settings = inboundNewTicketSettings(process.env);
  } catch (error) {
    return held(`${reason} New tickets by mail are misconfigured: ${(error as Error).message}`);
  }
  if (!settings) return held(reason);
  const named = subjectTicketNumber(mail.subject);
  if (named) return held(`${reason} Its subject names ${named}, so it opens no new ticket (a reply that lost its headers, or an automatic answer).`);
  const customer = await senderCustomer(tx, fromAddress);
  if (!customer) return held(`${reason} Its sender is not the address of exactly one active customer, so it opens no ticket.`);
  return { ...held("It answers none of our mails; opening a new ticket for the customer with this address."), open: { customerId: customer.id, category: settings.category } };
}
