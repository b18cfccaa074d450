import type { InboundMailStatus, InboundMailVia } from "@/lib/db/generated/enums";

/** A received mail as the Inbound review list shows it (never the raw message, never HTML). */
export interface InboundMailJson {
  id: number;
  messageId: string;
  via: InboundMailVia;
  fromAddress: string | null;
  subject: string | null;
  strippedText: string | null;
  fullText: string | null;
  /** What was stripped off fullText (quoted history and signature); null when nothing was. */
  quotedText: string | null;
  status: InboundMailStatus;
  reason: string;
  ticketNumber: string | null;
  commentId: number | null;
  receivedAt: string;
  decidedAt: string | null;
  decidedBy: { userId: string; name: string } | null;
}

export const INBOUND_MAIL_SELECT = {
  id: true,
  messageId: true,
  via: true,
  fromAddress: true,
  subject: true,
  strippedText: true,
  fullText: true,
  quotedText: true,
  status: true,
  reason: true,
  commentId: true,
  receivedAt: true,
  decidedAt: true,
  ticket: { select: { number: true } },
  decidedBy: { select: { userId: true, name: true } },
} as const;

type Row = Omit<InboundMailJson, "ticketNumber" | "receivedAt" | "decidedAt"> & { receivedAt: Date; decidedAt: Date | null; ticket: { number: string } | null };

export function toInboundMailJson(row: Row): InboundMailJson {
  const { ticket, receivedAt, decidedAt, ...rest } = row;
  return { ...rest, ticketNumber: ticket?.number ?? null, receivedAt: receivedAt.toISOString(), decidedAt: decidedAt?.toISOString() ?? null };
}
