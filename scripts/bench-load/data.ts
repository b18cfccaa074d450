// bench:load's database: the queue benchmarks' open tickets (scripts/bench-open-tickets.ts) with the people of
// the day's mix, secrets they can sign in with, addresses to mail, a commit stamp per change for the push
// latency, and SLA thresholds that fall inside the measured window so the sweep has work while it runs.
import type pg from "pg";
import { bulkLoad, insertUsers, loadFixtures, type Fixtures } from "../bench-open-tickets";

/** Who takes part. Viewers keep a stream open and look at their queue; workers claim, reply and escalate. */
export const MIX = {
  viewers: { L1: 140, L2: 40, L3: 20 },
  workers: { L1: 12, L2: 5, L3: 3 },
  customers: 50,
  /** Bench customers in the database (tickets are spread over them and the two demo customers). */
  customersLoaded: 200,
} as const;

export type AgentTier = "L1" | "L2" | "L3";
export const AGENT_TIERS: AgentTier[] = ["L1", "L2", "L3"];
/** What the bench staff and customers sign in with: the demo l1agent's password and C1001's PIN, whose hashes they get. */
export const STAFF_PASSWORD = "l1agent-demo-pass";
export const CUSTOMER_PIN = "246810";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export interface BenchPerson {
  /** The login. */
  userId: string;
  role: "AGENT" | "CUSTOMER";
  tier: AgentTier | null;
  part: "viewer" | "worker" | "customer";
}

/** The people of the mix, in a fixed order: viewers, workers, customers (bench-l1-001 …, B00001 …). */
export function benchPeople(): BenchPerson[] {
  const people: BenchPerson[] = [];
  for (const tier of AGENT_TIERS) {
    const width = tier === "L1" ? Math.max(2, String(MIX.viewers.L1 + MIX.workers.L1).length) : 2;
    const viewers = MIX.viewers[tier];
    for (let i = 1; i <= viewers + MIX.workers[tier]; i++) {
      people.push({ userId: `bench-${tier.toLowerCase()}-${pad(i, width)}`, role: "AGENT", tier, part: i <= viewers ? "viewer" : "worker" });
    }
  }
  for (let i = 1; i <= MIX.customers; i++) people.push({ userId: `B${pad(i, 5)}`, role: "CUSTOMER", tier: null, part: "customer" });
  return people;
}

/**
 * Loads `tickets` open tickets with bench:pages' loader, then adds the L2 and L3 agents (L1 agents and customers
 * come with the loader), gives every bench person a secret to sign in with and everyone an address, and installs
 * the commit stamps (below). Returns the fixtures.
 */
export async function loadDay(pool: pg.Pool, tickets: number, now: Date): Promise<Fixtures> {
  const f = await loadFixtures(pool);
  const l1 = await insertUsers(pool, f, { customers: MIX.customersLoaded, l1Agents: MIX.viewers.L1 + MIX.workers.L1 });
  await bulkLoad(pool, f, l1, now, tickets);
  const groups: Record<"L2" | "L3", string> = { L2: f.platformSupport, L3: f.engineeringSupport };
  for (const tier of ["L2", "L3"] as const) {
    const agents = await pool.query<{ id: string }>(
      `INSERT INTO "User" (id, "userId", name, role, tier, "secretHash", "updatedAt")
       SELECT gen_random_uuid()::text, 'bench-' || lower($1) || '-' || lpad(g::text, 2, '0'), 'Bench ' || $1 || ' Agent ' || g, 'AGENT', $1::"Tier", 'x', $2::timestamp(3)
       FROM generate_series(1, $3::int) AS g RETURNING id`,
      [tier, now.toISOString(), MIX.viewers[tier] + MIX.workers[tier]],
    );
    await pool.query(`INSERT INTO "GroupMembership" ("groupId", "userId") SELECT $1, unnest($2::text[])`, [groups[tier], agents.rows.map((a) => a.id)]);
  }
  await pool.query(`UPDATE "User" SET "secretHash" = (SELECT "secretHash" FROM "User" WHERE "userId" = 'l1agent') WHERE "userId" LIKE 'bench-l_-%'`);
  await pool.query(`UPDATE "User" SET email = lower("userId") || '@bench.invalid' WHERE email IS NULL`);
  await installCommitStamps(pool);
  await pool.query(`VACUUM ANALYZE "User"`);
  return f;
}

/**
 * When each change committed, for the push latency: a trigger deferred to the commit (as the live updates' own
 * trigger is) stamps every ticket event's transaction with clock_timestamp(), the ticket's version as the
 * transaction leaves it and the transaction id, which a Notification row's xmin names. The stamp is taken while
 * the transaction commits, a moment before its commit record is flushed, so a latency measured from it is, if
 * anything, a little long. Bench-only: the table and trigger live in the throw-away database.
 */
async function installCommitStamps(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE UNLOGGED TABLE bench_commit_stamp (ticket_id int NOT NULL, version int NOT NULL, xid bigint NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (ticket_id, xid));
    CREATE INDEX ON bench_commit_stamp (xid);
    CREATE FUNCTION bench_commit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO bench_commit_stamp (ticket_id, version, xid, at)
      SELECT t."id", t."version", txid_current() % 4294967296, clock_timestamp() FROM "Ticket" t WHERE t."id" = NEW."ticketId"
      ON CONFLICT (ticket_id, xid) DO UPDATE SET at = EXCLUDED.at, version = EXCLUDED.version;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER bench_commit_stamp AFTER INSERT ON "TicketEvent"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bench_commit_stamp();`);
}

export interface SweepWork {
  escalations: number;
  alerts: number;
}

/**
 * Work for the sweep inside the window [start, start + seconds]: tickets assigned to viewers (so their streams
 * hear of it) whose L1 budget runs out (automatic escalation to L2, placed by AUTO assignment: the new assignee
 * and the agent who lost it are told), and others that reach 75 % of their resolution target (the assignee is
 * alerted), `perSecond` of each, spread evenly. Workers only take unassigned tickets: no worker meets these.
 */
export async function scheduleSweepWork(pool: pg.Pool, viewerIds: string[], start: Date, seconds: number, perSecond: number): Promise<SweepWork> {
  const count = Math.round(seconds * perSecond);
  const spanMs = seconds * 1000;
  const escalations = await pool.query(
    `WITH picked AS (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Ticket"
       WHERE tier = 'L1' AND status IN ('ASSIGNED', 'IN_PROGRESS') AND "assigneeId" = ANY($1::text[]) AND id % 2 = 0
       ORDER BY id LIMIT $2::int)
     UPDATE "Ticket" t SET "tierBudgetEndsAt" = $3::timestamp(3) + (p.n * $4::float8 / $2::int) * interval '1 millisecond',
       "tierBudgetWarnAt" = LEAST(t."tierBudgetWarnAt", $3::timestamp(3))
     FROM picked p WHERE t.id = p.id`,
    [viewerIds, count, start.toISOString(), spanMs],
  );
  const alerts = await pool.query(
    `WITH picked AS (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Ticket"
       WHERE tier = 'L1' AND status IN ('ASSIGNED', 'IN_PROGRESS') AND "assigneeId" = ANY($1::text[]) AND id % 2 = 1
         AND "slaAlertLevel" = 0 AND "resolutionWarnAt" > $3::timestamp(3)
       ORDER BY id LIMIT $2::int)
     UPDATE "Ticket" t SET "resolutionWarnAt" = $3::timestamp(3) + (p.n * $4::float8 / $2::int) * interval '1 millisecond'
     FROM picked p WHERE t.id = p.id`,
    [viewerIds, count, start.toISOString(), spanMs],
  );
  return { escalations: escalations.rowCount ?? 0, alerts: alerts.rowCount ?? 0 };
}
