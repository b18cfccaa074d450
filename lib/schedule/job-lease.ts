// A lease on a piece of work that one app instance at a time must do, across every instance on the
// database (the IMAP fetch of one mailbox: two fetchers would both download each message, and the slower
// one's move would fail). A run takes the lease with one atomic upsert, which succeeds only when nobody
// holds it or the holder's lease has expired (a crashed instance), and gives it back when done. A session
// advisory lock would do the same, but it needs one connection held for the whole run, which the pool does not give.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

/** Runs `work` under the lease `name`, or returns `{ ran: false }` at once when another run holds it. */
export async function withJobLease<T>(name: string, ttlMs: number, work: () => Promise<T>, now: () => Date = () => new Date()): Promise<{ ran: true; result: T } | { ran: false }> {
  const holder = randomUUID();
  if (!(await takeLease(name, holder, ttlMs, now()))) return { ran: false };
  try {
    return { ran: true, result: await work() };
  } finally {
    await db().jobLease.deleteMany({ where: { name, holder } });
  }
}

async function takeLease(name: string, holder: string, ttlMs: number, at: Date): Promise<boolean> {
  const expiresAt = new Date(at.getTime() + ttlMs);
  const taken = await db().$queryRaw<{ holder: string }[]>`
    INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES (${name}, ${holder}, ${expiresAt})
    ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
    WHERE "JobLease"."expiresAt" <= ${at}
    RETURNING "holder"`;
  return taken.length === 1;
}
