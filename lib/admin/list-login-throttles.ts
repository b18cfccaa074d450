import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { requireAdminRead } from "./authorize";

export interface LoginThrottleView {
  key: string;
  failures: number;
  lastFailureAt: string;
  blockedUntil: string;
  blocked: boolean;
}

/** Failed-login counters, most recent first (at most 200): who is slowed down, and until when. */
export async function listLoginThrottles(actor: Actor, now = new Date()): Promise<LoginThrottleView[]> {
  requireAdminRead(actor);
  const rows = await db().loginThrottle.findMany({ orderBy: { lastFailureAt: "desc" }, take: 200 });
  return rows.map((r) => ({
    key: r.key,
    failures: r.failures,
    lastFailureAt: r.lastFailureAt.toISOString(),
    blockedUntil: r.blockedUntil.toISOString(),
    blocked: r.blockedUntil.getTime() > now.getTime(),
  }));
}
