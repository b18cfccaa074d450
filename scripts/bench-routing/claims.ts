// bench:routing, part 3: 50 L1 agents claiming from one queue (service-desk on PULL), against the bare UPDATE
// loop measured beside it, from a cold process: the first round runs before any claim did (no warm-up on
// either side) and is reported on its own; then the floors under a claim (the UPDATE with the CLAIMED event
// and the mail it must write; the UPDATE with the one announcement its commit carries).
import type pg from "pg";
import type { Actor } from "../../lib/actor";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { claimTicket } from "../../lib/routing/claim";
import { liveTriggers, rawMailSql, verdict, type BenchFixtures, type BenchKit, type PartResult } from "./kit";

const AGENTS = 50;
const ROUNDS = 5;
const APP_PER_ROUND = 1_500;
const RAW_PER_ROUND = 2_500;
const DIAGNOSTIC_ROUNDS = 2;

export interface ClaimTargets {
  claimRatio: number;
}

const RAW_CLAIM = `UPDATE "Ticket" SET "assigneeId" = $1 WHERE id = $2 AND "assigneeId" IS NULL`;
// The floor under a claim that logs itself and tells the customer: the same UPDATE writing the CLAIMED
// event and the "Assigned to an agent" mail in the same statement.
const RAW_CLAIM_WITH_EVENT = `WITH c AS (${RAW_CLAIM} RETURNING "id", "tier", "number", "title", "customerId"), mail AS (${rawMailSql("c", "Assigned", "now()::timestamp(3)")})
  INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "fromTier", "toTier", "toGroup", "toAssignee", "rule", "inputs", "reason", "createdAt")
  SELECT c."id", 'CLAIMED', $1, c."tier", c."tier", 'service-desk', $3, 'claim.pull', '{"group":"service-desk","assignmentMode":"PULL"}',
    'Claimed by ' || $4 || ' from the Service Desk queue.', now()::timestamp(3)
  FROM c`;
// The bare UPDATE and the one announcement a committed claim carries.
const ANNOUNCED_CLAIM = `WITH c AS (${RAW_CLAIM} RETURNING "id") SELECT pg_notify('tierdesk_bench', c."id"::text) FROM c`;

type RawKind = "bare" | "floor" | "announced";

export async function runClaimsPart(kit: BenchKit, f: BenchFixtures, sql: pg.Pool, targets: ClaimTargets): Promise<PartResult> {
  const { log, fmt, median, drive } = kit;
  await sql.query(`UPDATE "SupportGroup" SET "assignmentMode" = 'PULL' WHERE slug = 'service-desk'`);
  const need =
    ROUNDS * (APP_PER_ROUND + 2 * RAW_PER_ROUND + 4 * AGENTS) + DIAGNOSTIC_ROUNDS * (APP_PER_ROUND + RAW_PER_ROUND + 2 * AGENTS) + 400;
  // The queue as an L1 agent sees it: unassigned service-desk tickets, highest priority first.
  const queue = (
    await sql.query<{ id: number; number: string }>(
      `SELECT id, "number" FROM "Ticket" WHERE "groupId" = $1 AND "tier" = 'L1' AND "status" = 'NEW' AND "assigneeId" IS NULL
       ORDER BY "priority", "id" LIMIT $2`,
      [f.serviceDesk, need],
    )
  ).rows;
  if (queue.length < need) throw new Error(`The queue holds ${queue.length} tickets; the claim rounds need ${need}.`);
  let taken = 0;
  const take = (n: number) => queue.slice(taken, (taken += n));

  let appStatements = 0;
  let claimed = 0;
  let conflicts = 0;
  // Each side's 50 connections are new every round (max_connections is shared). After the first round each
  // first does one uncounted claim of the same kind: a server keeps its pool warm, and a cold backend's first
  // statement (catalog caches, planning) is not what a claim costs. The first round has no such warm-up.
  const runApp = async (set: { number: string }[], warm: boolean, counted: boolean) => {
    if (warm) {
      await kit.warmApp(AGENTS);
      await drive(AGENTS, AGENTS, (i) => claimTicket(f.agents[i]!, take(1)[0]!.number).then(() => {}));
    }
    const before = kit.statements();
    let refused = 0;
    const ms = await drive(AGENTS, set.length, async (i) => {
      // Agent k is the k-th caller: each of the 50 keeps claiming the next ticket nobody took yet.
      const agent = f.agents[i % AGENTS]!;
      try {
        await claimTicket(agent, set[i]!.number);
      } catch (error) {
        if (error instanceof AppError && error.code === "CONFLICT") refused++;
        else throw error;
      }
    }, counted ? "claims app" : undefined);
    if (counted) {
      appStatements += kit.statements() - before;
      claimed += set.length;
      conflicts += refused;
    }
    // Give the connections back before the raw side opens its 50 (max_connections is shared).
    await db().$disconnect();
    return (set.length / ms) * 1000;
  };
  const runRaw = async (set: { id: number }[], kind: RawKind, warm: boolean) => {
    const pool = kit.rawPool(AGENTS);
    const text = kind === "floor" ? RAW_CLAIM_WITH_EVENT : kind === "announced" ? ANNOUNCED_CLAIM : RAW_CLAIM;
    const claim = (agent: Actor, id: number) => pool.query(text, kind === "floor" ? [agent.id, id, agent.userId, agent.name] : [agent.id, id]);
    if (warm) {
      await kit.warmRaw(pool, AGENTS);
      const warmUps = take(AGENTS);
      await drive(AGENTS, AGENTS, async (i) => {
        await claim(f.agents[i]!, warmUps[i]!.id);
      });
    }
    let missed = 0;
    const ms = await drive(AGENTS, set.length, async (i) => {
      const { rowCount } = await claim(f.agents[i % AGENTS]!, set[i]!.id);
      if (kind !== "announced" && rowCount !== 1) missed++;
    }, kind === "bare" ? "claims raw" : undefined);
    await kit.endPool(pool);
    if (missed) log(`  ! raw claims that found the ticket taken: ${missed}`);
    return (set.length / ms) * 1000;
  };

  const app: number[] = [];
  const raw: number[] = [];
  const ratios: number[] = [];
  const floorRatios: number[] = [];
  const announcedRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const warm = round > 0;
    let appRate: number, rawRate: number;
    if (round % 2) {
      rawRate = await runRaw(take(RAW_PER_ROUND), "bare", warm);
      appRate = await runApp(take(APP_PER_ROUND), warm, true);
    } else {
      appRate = await runApp(take(APP_PER_ROUND), warm, true);
      rawRate = await runRaw(take(RAW_PER_ROUND), "bare", warm);
    }
    const floor = await runRaw(take(RAW_PER_ROUND / 2), "floor", true);
    const announced = await runRaw(take(RAW_PER_ROUND / 2), "announced", true);
    app.push(appRate);
    raw.push(rawRate);
    ratios.push(appRate / rawRate);
    floorRatios.push(floor / rawRate);
    announcedRatios.push(announced / rawRate);
    log(
      `  claim round ${round + 1}${warm ? "" : " (cold: the process's first claims, no warm-up on either side)"}: claimTicket ${fmt(appRate)}/s, raw UPDATE ${fmt(rawRate)}/s, ratio ${fmt(appRate / rawRate, 3)}; ` +
        `UPDATE with its event and mail ${fmt(floor)}/s (${fmt(floor / rawRate, 3)}), UPDATE + one pg_notify ${fmt(announced)}/s (${fmt(announced / rawRate, 3)})`,
    );
  }
  kit.printProfile("claims");

  // Not a target: claims with the live announcements off (what their commit lock costs).
  const live = await liveTriggers(sql);
  const withoutLive: number[] = [];
  if (live.present) {
    await live.set(false);
    try {
      for (let round = 0; round < DIAGNOSTIC_ROUNDS; round++) {
        const appRate = await runApp(take(APP_PER_ROUND), true, false);
        const rawRate = await runRaw(take(RAW_PER_ROUND), "bare", true);
        withoutLive.push(appRate / rawRate);
        log(`  without the live announcements (triggers off), round ${round + 1}: claimTicket ${fmt(appRate)}/s, raw UPDATE ${fmt(rawRate)}/s, ratio ${fmt(appRate / rawRate, 3)}`);
      }
    } finally {
      await live.set(true);
    }
  }

  const ratio = median(ratios);
  const warmRatio = median(ratios.slice(1));
  const announcedRatio = median(announcedRatios);
  return {
    rows: [
      {
        measurement: `claims/s, ${AGENTS} agents, one queue, ${ROUNDS} rounds from a cold process`,
        app: fmt(median(app)),
        raw: fmt(median(raw)),
        ratio: fmt(ratio, 3),
        target: `≥ ${targets.claimRatio}`,
        verdict: verdict(ratio >= targets.claimRatio),
      },
      { measurement: `claims/s, first round (cold)`, app: fmt(app[0]!), raw: fmt(raw[0]!), ratio: fmt(ratios[0]!, 3), target: "—", verdict: "—" },
      { measurement: `claims floor: UPDATE + its event and mail`, app: "—", raw: "—", ratio: fmt(median(floorRatios), 3), target: "—", verdict: "—" },
      { measurement: `announcement floor: UPDATE + one pg_notify`, app: "—", raw: "—", ratio: fmt(announcedRatio, 3), target: "—", verdict: "—" },
      ...(withoutLive.length
        ? [{ measurement: `claims, live announcements off`, app: "—", raw: "—", ratio: fmt(median(withoutLive), 3), target: "—", verdict: "—" as const }]
        : []),
    ],
    notes: [
      `SQL statements per claimTicket: ${fmt(appStatements / claimed, 1)}; raw reference: 1`,
      `claims: first round (cold) ${fmt(ratios[0]!, 3)}, the rounds after it ${fmt(warmRatio, 3)} of the bare UPDATE; against the UPDATE that also writes the CLAIMED event and the mail: ${fmt(median(ratios.map((r, i) => r / floorRatios[i]!)), 3)}`,
      ...(live.present
        ? [
            `the ceiling: every claim announces its CLAIMED event (TicketEvent_live) and PostgreSQL serializes the commits of notifying transactions, so no claim passes ` +
              `the bare UPDATE with one pg_notify in its transaction: ${fmt(announcedRatio, 3)} of the bare UPDATE (target ${targets.claimRatio}` +
              `${announcedRatio < targets.claimRatio ? ": above that floor, out of reach while the announcement is made inside the transaction" : ""}); with the live triggers off claims reach ${fmt(median(withoutLive), 3)}`,
          ]
        : []),
      `Node CPU per claim in this process: claimTicket ${fmt(kit.nodeCpuPerOp("claims app"))} µs, raw UPDATE ${fmt(kit.nodeCpuPerOp("claims raw"))} µs`,
      `claims: ${fmt(claimed)} measured, ${conflicts} conflicts (distinct tickets per claim, so 0 expected)`,
    ],
  };
}
