import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ZInboundMailQuery } from "@/lib/validation/inbound-mail";
import { INBOUND_MAIL_SELECT, toInboundMailJson, type InboundMailJson } from "./inbound-mail-json";

export interface InboundMailPage {
  items: InboundMailJson[];
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}

/** The Inbound review list (staff): received mail of one status, newest first, a page at a time (keyset on receivedAt, id). */
export async function listInboundMail(actor: Actor, query: VerbInput<typeof ZInboundMailQuery>): Promise<InboundMailPage> {
  if (!can(actor, "inbound:review")) throw forbidden("Only staff review received mail.");
  const data = parseInput(ZInboundMailQuery, query);
  const [ms, id] = data.cursor ? data.cursor.split(".").map(Number) : [];
  const after = data.cursor ? new Date(ms!) : null;
  const rows = await db().inboundMail.findMany({
    where: {
      status: data.status,
      ...(after ? { OR: [{ receivedAt: { lt: after } }, { receivedAt: after, id: { lt: id! } }] } : {}),
    },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: data.limit + 1,
    select: INBOUND_MAIL_SELECT,
  });
  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  return { items: page.map(toInboundMailJson), nextCursor: rows.length > data.limit && last ? `${last.receivedAt.getTime()}.${last.id}` : null };
}
