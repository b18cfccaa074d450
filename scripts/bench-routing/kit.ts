// What scripts/bench-routing.ts hands each of its parts (intake.ts, claims.ts): its pools, its statement
// counter, its driver of concurrent callers and its printing, so every part measures and prints alike.
import type pg from "pg";
import type { Actor } from "../../lib/actor";

export interface BenchKit {
  log(line: string): void;
  fmt(n: number, digits?: number): string;
  median(values: number[]): number;
  /** `count` calls of `fn` from `concurrency` callers; elapsed ms (with `side`, the Node CPU is booked to it). */
  drive(concurrency: number, count: number, fn: (i: number) => Promise<void>, side?: string): Promise<number>;
  /** A raw pg pool on the bench database, ended at cleanup if not before. */
  rawPool(max: number): pg.Pool;
  endPool(pool: pg.Pool): Promise<void>;
  warmRaw(pool: pg.Pool, n: number): Promise<void>;
  warmApp(n: number): Promise<void>;
  /** SQL statements sent so far by every pg client of this process. */
  statements(): number;
  nodeCpuPerOp(side: string): number;
  hasNotifications(sql: pg.Pool): Promise<boolean>;
  /** BENCH_PROFILE=1: the costliest statements since the last call. */
  printProfile(phase: string): void;
}

/** The fixtures a part reads (scripts/bench-routing.ts loads them). */
export interface BenchFixtures {
  serviceDesk: string;
  matrixVersionId: string;
  categories: { id: string; slug: string }[];
  customers: Actor[];
  /** The 50 L1 agents of service-desk. */
  agents: Actor[];
  secretHash: string;
}

export interface BenchRow {
  measurement: string;
  app: string;
  raw: string;
  ratio: string;
  target: string;
  /** "—": a figure shown beside the others, with no target. */
  verdict: "PASS" | "MISS" | "—";
}

/** What a part adds to the results table and the notes under it. */
export interface PartResult {
  rows: BenchRow[];
  notes: string[];
}

export const verdict = (pass: boolean): "PASS" | "MISS" => (pass ? "PASS" : "MISS");

/**
 * The customer's mail as a floor writes it: one outbox row per ticket of `source` (a CTE with "id",
 * "number", "title" and "customerId"), to the customer's address, with a text of the app's length, made
 * and due at the SQL time expression `at`.
 */
export const rawMailSql = (source: string, kind: string, at: string) => `
  INSERT INTO "OutboxMessage" ("ticketId", "toAddress", "subject", "body", "dedupeKey", "nextAttemptAt", "createdAt")
  SELECT s."id", u."email", '[' || s."number" || '] ${kind}: ' || s."title",
    'Your ticket ' || s."number" || ' (' || s."title" || ') is ${kind.toLowerCase()}.' || E'\n\nView the ticket: http://localhost:3000/portal/tickets/' || s."number" || E'\n',
    '${kind.toLowerCase()}:' || s."id", ${at}, ${at}
  FROM ${source} s JOIN "User" u ON u."id" = s."customerId" WHERE u."email" IS NOT NULL
  ON CONFLICT ("dedupeKey") DO NOTHING`;

/**
 * Whether the database announces changes with pg_notify inside the writing transaction (migration
 * live_updates), and switches those announcements off and on for a diagnostic measurement.
 * PostgreSQL serializes the commits of notifying transactions (a lock held through the commit's WAL flush),
 * so the announcement sets a ceiling under any writer that makes one per transaction.
 */
export async function liveTriggers(sql: pg.Pool): Promise<{ present: boolean; set(on: boolean): Promise<void> }> {
  const { rows } = await sql.query<{ table: string; name: string }>(
    `SELECT c.relname AS "table", t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE t.tgname IN ('TicketEvent_live', 'Notification_live') ORDER BY 1`,
  );
  return {
    present: rows.length > 0,
    set: async (on) => {
      for (const r of rows) await sql.query(`ALTER TABLE "${r.table}" ${on ? "ENABLE" : "DISABLE"} TRIGGER "${r.name}"`);
    },
  };
}
