import type { Actor } from "@/lib/actor";
import { inListOrder, toAttachmentJson, type AttachmentJson } from "@/lib/attachments/attachment-json";
import { visibleAttachmentWhere } from "@/lib/attachments/visible-attachments";
import { db } from "@/lib/db/client";
import type { CommentVisibility } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { visibleTicketWhere } from "@/lib/permissions";
import { listEvents, type EventActor, type EventJson } from "./list-events";

export type TimelineEntry =
  | { kind: "event"; key: string; at: string; event: EventJson }
  | {
      kind: "comment";
      key: string;
      at: string;
      visibility: CommentVisibility;
      /** Customers get the author's display name only (see EventActor). */
      author: EventActor;
      body: string;
      /** The COMMENTED event's sentence, e.g. "Public reply by Lena First (first response)." */
      explanation: string | null;
      /** The files sent with this reply or note. */
      attachments: AttachmentJson[];
      /** A reply that came by mail: the quoted history and signature stripped off it (staff only; null otherwise). */
      quoted: string | null;
    };

export interface Timeline {
  entries: TimelineEntry[];
  /** Files that came with the ticket itself (or were attached without a reply), oldest first. */
  ticketAttachments: AttachmentJson[];
  /** The whole decision log, oldest first, comment events included. */
  events: EventJson[];
}

/**
 * The ticket's story oldest first: every event with its sentence, and each comment in place of the event
 * that recorded it, with its files. Customers see public replies only, as listEvents shows them their public story.
 */
export async function listTimeline(actor: Actor, number: string): Promise<TimelineEntry[]> {
  return (await loadTimeline(actor, number)).entries;
}

/** The timeline, and the files that belong to the ticket rather than to one of its replies. */
export async function loadTimeline(actor: Actor, number: string): Promise<Timeline> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true } });
  if (!ticket) throw notFound("Ticket");
  const [events, comments, files, mails] = await Promise.all([
    listEvents(actor, number),
    db().comment.findMany({
      where: { ticketId: ticket.id, ...(actor.role === "CUSTOMER" ? { visibility: "PUBLIC" as const } : {}) },
      orderBy: { id: "asc" },
      select: { id: true, visibility: true, body: true, createdAt: true, author: { select: { userId: true, name: true } } },
    }),
    db().attachment.findMany({
      where: visibleAttachmentWhere(actor, number),
      select: { id: true, commentId: true, fileName: true, contentType: true, size: true, createdAt: true },
    }),
    actor.role === "CUSTOMER" ? [] : db().inboundMail.findMany({ where: { ticketId: ticket.id, commentId: { not: null } }, select: { commentId: true, quotedText: true } }),
  ]);
  const quotedOf = new Map(mails.map((mail) => [mail.commentId, mail.quotedText]));
  const filesOf = new Map<number | null, AttachmentJson[]>();
  for (const file of inListOrder(files)) filesOf.set(file.commentId, [...(filesOf.get(file.commentId) ?? []), toAttachmentJson(number, file)]);
  const commentEvent = new Map<number, EventJson>();
  for (const e of events) {
    const commentId = (e.details?.inputs as { commentId?: unknown } | null)?.commentId;
    if (e.type === "COMMENTED" && typeof commentId === "number") commentEvent.set(commentId, e);
  }
  const recorded = new Set(commentEvent.values());
  const entries: TimelineEntry[] = [
    ...events.filter((e) => !recorded.has(e)).map((event, i): TimelineEntry => ({ kind: "event", key: `e${i}`, at: event.at, event })),
    ...comments.map(
      (c): TimelineEntry => ({
        kind: "comment",
        key: `c${c.id}`,
        at: c.createdAt.toISOString(),
        visibility: c.visibility,
        author: actor.role === "CUSTOMER" ? { name: c.author.name } : c.author,
        body: c.body,
        explanation: commentEvent.get(c.id)?.explanation ?? null,
        attachments: filesOf.get(c.id) ?? [],
        quoted: quotedOf.get(c.id) ?? null,
      }),
    ),
  ];
  // Stable: at the same instant, events keep their log order before the comments written with them.
  const ordered = entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index);
  return { entries: ordered.map((x) => x.entry), ticketAttachments: filesOf.get(null) ?? [], events };
}
