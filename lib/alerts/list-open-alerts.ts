import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { ZOpenAlertsQuery } from "@/lib/validation/alerts";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { ALERT_SELECT, toAlertJson, type AlertJson } from "./alert-json";

/** The dashboard panel shows this many, oldest first; the rest are a page away. */
export const OPEN_ALERTS_PAGE_SIZE = 20;

export interface OpenAlert extends AlertJson {
  /** Seconds since it was raised, at `now`. */
  ageSeconds: number;
}

export interface OpenAlertsPage {
  /** Every open alert, not only this page's. */
  count: number;
  alerts: OpenAlert[];
  /** Pass as `after` for the next page; null on the last. */
  nextAfter: string | null;
}

/**
 * Alerts nobody has acknowledged yet, oldest first (the partial index Alert_open_idx on raisedAt, id),
 * keyset-paginated; with the count of all of them. Managers and admins: the dashboard's Open alerts panel.
 */
export async function listOpenAlerts(actor: Actor, input: VerbInput<typeof ZOpenAlertsQuery> = {}, now = new Date()): Promise<OpenAlertsPage> {
  if (!can(actor, "metrics:read")) throw forbidden("Only managers and admins see the open alerts.");
  const { after } = parseInput(ZOpenAlertsQuery, input);
  const open: Prisma.AlertWhereInput = { acknowledgedAt: null };
  let where = open;
  if (after) {
    const from = await db().alert.findUnique({ where: { id: Number(after) }, select: { id: true, raisedAt: true } });
    if (from) where = { ...open, OR: [{ raisedAt: { gt: from.raisedAt } }, { raisedAt: from.raisedAt, id: { gt: from.id } }] };
  }
  const [count, rows] = await Promise.all([
    db().alert.count({ where: open }),
    db().alert.findMany({ where, orderBy: [{ raisedAt: "asc" }, { id: "asc" }], take: OPEN_ALERTS_PAGE_SIZE + 1, select: ALERT_SELECT }),
  ]);
  const page = rows.slice(0, OPEN_ALERTS_PAGE_SIZE);
  return {
    count,
    alerts: page.map((row) => ({ ...toAlertJson(row), ageSeconds: Math.max(0, Math.floor((now.getTime() - row.raisedAt.getTime()) / 1000)) })),
    nextAfter: rows.length > OPEN_ALERTS_PAGE_SIZE ? String(page.at(-1)!.id) : null,
  };
}
