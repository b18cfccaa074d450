// After the run: push latency from the commit stamps (data.ts), notifications the database holds against what
// each person's stream received, and mails the outbox marked sent against what the SMTP sink received.
import type pg from "pg";
import type { PushKind, PushLog } from "./push-log";
import { percentile } from "./recorder";

export interface Latency {
  kind: PushKind | "all";
  samples: number;
  unmatched: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Stamp {
  at: number;
  version: number;
}

/**
 * Each received event's latency: its arrival minus the commit stamp of the change that caused it. A notification
 * names its row, whose xmin is the committing transaction; a ticket event names the ticket and its version (the
 * latest stamp of that ticket at that version before the arrival); a queue event names only the ticket (the
 * latest stamp of that ticket before the arrival).
 */
export async function pushLatency(pool: pg.Pool, log: PushLog, sinceMs: number): Promise<Latency[]> {
  const stamps = await pool.query<{ number: string; version: number; xid: string; at: number }>(
    `SELECT t."number", s.version, s.xid::text AS xid, extract(epoch FROM s.at) * 1000 AS at
     FROM bench_commit_stamp s JOIN "Ticket" t ON t."id" = s.ticket_id
     WHERE s.at >= to_timestamp($1::float8 / 1000) - interval '1 minute'`,
    [sinceMs],
  );
  const byNumber = new Map<string, Stamp[]>();
  const byXid = new Map<string, number>();
  for (const s of stamps.rows) {
    const at = Number(s.at);
    const list = byNumber.get(s.number) ?? [];
    list.push({ at, version: s.version });
    byNumber.set(s.number, list);
    byXid.set(s.xid, Math.max(byXid.get(s.xid) ?? 0, at));
  }
  for (const list of byNumber.values()) list.sort((a, b) => a.at - b.at);
  const ids = [...new Set(log.samples.filter((s) => s.kind === "notification").map((s) => s.notification!))];
  const xidOf = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await pool.query<{ id: number; xid: string }>(`SELECT id, xmin::text AS xid FROM "Notification" WHERE id = ANY($1::int[])`, [ids.slice(i, i + 10_000)]);
    for (const r of rows.rows) xidOf.set(r.id, r.xid);
  }

  const latest = (number: string | null, before: number, version: number | null): number | null => {
    const list = number ? byNumber.get(number) : undefined;
    if (!list) return null;
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i]!;
      if (s.at <= before && (version === null || s.version === version)) return s.at;
    }
    return null;
  };

  const by = new Map<PushKind, { values: number[]; unmatched: number }>();
  for (const sample of log.samples) {
    const entry = by.get(sample.kind) ?? { values: [], unmatched: 0 };
    by.set(sample.kind, entry);
    let committed: number | null;
    if (sample.kind === "notification") {
      const xid = xidOf.get(sample.notification!);
      committed = xid === undefined ? null : (byXid.get(xid) ?? null);
    } else {
      committed = latest(sample.number, sample.at, sample.kind === "ticket" ? sample.version : null);
    }
    if (committed === null) entry.unmatched += 1;
    else entry.values.push(Math.max(0, sample.at - committed));
  }
  const summarize = (kind: Latency["kind"], values: number[], unmatched: number): Latency => ({
    kind,
    samples: values.length,
    unmatched,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: percentile(values, 100),
  });
  const kinds: PushKind[] = ["queue", "ticket", "notification"];
  const all = kinds.flatMap((k) => by.get(k)?.values ?? []);
  return [
    ...kinds.map((k) => summarize(k, by.get(k)?.values ?? [], by.get(k)?.unmatched ?? 0)),
    summarize("all", all, kinds.reduce((n, k) => n + (by.get(k)?.unmatched ?? 0), 0)),
  ];
}

export interface NotificationCount {
  /** Rows written in the window for people with a stream open. */
  expected: number;
  received: number;
  lost: number;
  duplicated: number;
  /** Received by someone they were not written for (must be 0: a stream shows only the person's own). */
  misdelivered: number;
  /** Rows for people without a bench stream (managers, demo agents): not pushed to anyone here. */
  toOthers: number;
  lostExamples: string[];
}

/** Notifications with ids in (low, high] against each person's received ids. */
export async function countNotifications(pool: pg.Pool, log: PushLog, streamed: Set<string>, low: number, high: number): Promise<NotificationCount> {
  const rows = await pool.query<{ id: number; recipientId: string }>(`SELECT id, "recipientId" FROM "Notification" WHERE id > $1 AND id <= $2`, [low, high]);
  const writtenFor = new Map<number, string>();
  const result: NotificationCount = { expected: 0, received: 0, lost: 0, duplicated: 0, misdelivered: 0, toOthers: 0, lostExamples: [] };
  for (const r of rows.rows) {
    writtenFor.set(r.id, r.recipientId);
    if (!streamed.has(r.recipientId)) {
      result.toOthers += 1;
      continue;
    }
    result.expected += 1;
    const times = log.notifications.get(r.recipientId)?.get(r.id) ?? 0;
    if (times === 0) {
      result.lost += 1;
      if (result.lostExamples.length < 5) result.lostExamples.push(`#${r.id} for ${r.recipientId}`);
    } else {
      result.received += 1;
      if (times > 1) result.duplicated += times - 1;
    }
  }
  for (const [person, ids] of log.notifications) {
    for (const [id, times] of ids) {
      if (id <= low || id > high) {
        if (times > 1) result.duplicated += times - 1;
        continue;
      }
      if (writtenFor.get(id) !== person) result.misdelivered += times;
    }
  }
  return result;
}

export interface MailCount {
  sent: number;
  received: number;
  lost: number;
  duplicated: number;
  /** Arrived at the sink without the outbox saying sent (a worker lost its lease after sending: would be sent again). */
  unmarked: number;
  /** Held status mails still waiting (lib/mail/mail-timing.ts: 5 minutes after the last change), not yet due. */
  held: number;
  /** Pending and due: the workers had not reached them when counting. */
  dueUnsent: number;
  failed: number;
  retried: number;
  lostExamples: string[];
}

export async function countMails(pool: pg.Pool, received: Map<string, number>): Promise<MailCount> {
  const rows = await pool.query<{ id: number; status: string; attempts: number; due: boolean }>(
    `SELECT id, status::text, attempts, "nextAttemptAt" <= (now() AT TIME ZONE 'UTC') AS due FROM "OutboxMessage"`,
  );
  const result: MailCount = { sent: 0, received: 0, lost: 0, duplicated: 0, unmarked: 0, held: 0, dueUnsent: 0, failed: 0, retried: 0, lostExamples: [] };
  const known = new Set<string>();
  for (const r of rows.rows) {
    const id = `<outbox-${r.id}@tierdesk>`;
    known.add(id);
    const times = received.get(id) ?? 0;
    if (r.attempts > 1) result.retried += 1;
    if (r.status === "SENT") {
      result.sent += 1;
      if (times === 0) {
        result.lost += 1;
        if (result.lostExamples.length < 5) result.lostExamples.push(id);
      }
    } else if (times > 0) result.unmarked += 1;
    else if (r.status === "FAILED") result.failed += 1;
    else if (r.due) result.dueUnsent += 1;
    else result.held += 1;
    if (times > 0) result.received += 1;
    if (times > 1) result.duplicated += times - 1;
  }
  for (const [id, times] of received) if (!known.has(id)) result.unmarked += times;
  return result;
}
