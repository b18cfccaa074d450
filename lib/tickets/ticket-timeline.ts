import type { Actor } from "@/lib/actor";
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
    };

/**
 * The ticket's story oldest first: every event with its sentence, and each comment in place of the event
 * that recorded it. Customers see public replies only, as listEvents shows them their public story.
 */
export async function listTimeline(actor: Actor, number: string): Promise<TimelineEntry[]> {
  const ticket = await db().ticket.findFirst({ where: visibleTicketWhere(actor, number), select: { id: true } });
  if (!ticket) throw notFound("Ticket");
  const [events, comments] = await Promise.all([
    listEvents(actor, number),
    db().comment.findMany({
      where: { ticketId: ticket.id, ...(actor.role === "CUSTOMER" ? { visibility: "PUBLIC" as const } : {}) },
      orderBy: { id: "asc" },
      select: { id: true, visibility: true, body: true, createdAt: true, author: { select: { userId: true, name: true } } },
    }),
  ]);
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
      }),
    ),
  ];
  // Stable: at the same instant, events keep their log order before the comments written with them.
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index).map((x) => x.entry);
}
