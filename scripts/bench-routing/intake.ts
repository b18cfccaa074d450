// bench:routing, part 1: intake + classify + assign at 8 concurrent callers, into the AUTO group of 50 and of
// 500 agents, against the bare ticket INSERT measured beside it; the floors under it (the same INSERT with
// the rows intake must write, and with the one announcement its commit carries); and the bytes each
// automatically assigned ticket keeps (table, indexes, events, mail, notification).
import type pg from "pg";
import type { Impact, TicketType, Urgency } from "../../lib/db/generated/enums";
import type { Candidate } from "../../lib/routing/candidates";
import { DEFAULT_MATRIX } from "../../lib/routing/defaults";
import { placeInGroup } from "../../lib/routing/placement";
import { createTicket } from "../../lib/tickets/create-ticket";
import { liveTriggers, rawMailSql, verdict, type BenchFixtures, type BenchKit, type PartResult } from "./kit";

const CONCURRENCY = 8;
const ROUNDS = 5;
const APP_PER_ROUND = 600;
const RAW_PER_ROUND = 2_000;
/** The large group: service-desk's 50 agents and this many more. */
const LARGE_GROUP = 500;
/**
 * Tickets per group size whose storage is measured (BENCH_STORAGE_TICKETS), opened one after another: callers
 * side by side make PostgreSQL extend a table many pages at a time, and the pages not yet filled would count.
 */
const STORAGE_TICKETS = Number(process.env.BENCH_STORAGE_TICKETS ?? 2_000);

export interface IntakeTargets {
  intakeRatio: number;
  intakeLargeRatio: number;
  /** Bytes of TicketEvent (heap, TOAST, indexes) per automatically assigned ticket. */
  eventBytesPerTicket: number;
}

const IMPACTS: Impact[] = ["HIGH", "MEDIUM", "LOW"];
const URGENCIES: Urgency[] = ["HIGH", "MEDIUM", "LOW"];
const typeOf = (i: number): TicketType => (i % 4 === 0 ? "SERVICE_REQUEST" : "INCIDENT");
const iso = (date: Date) => date.toISOString();
const minutesFrom = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

function intakeInput(f: BenchFixtures, i: number) {
  return {
    type: typeOf(i),
    title: `Intake ${i}: ${["VPN drops every hour", "Cannot open invoice PDF", "Report export times out"][i % 3]}`,
    description: "Since this morning the connection drops every hour; restarting the client helps for a while.",
    category: f.categories[i % f.categories.length]!.slug,
    // Half give hints, half leave the category defaults.
    ...(i % 2 ? { impact: IMPACTS[i % 3], urgency: URGENCIES[(i >> 2) % 3] } : {}),
  };
}

let rawSeq = 3_000_000;
const INSERT_TICKET = `INSERT INTO "Ticket" ("number", "type", "title", "description", "priority", "impact", "urgency",
  "categoryId", "customerId", "organizationId", "groupId", "matrixVersionId", "tierEnteredAt", "status", "tier",
  "slaSecondsUsed", "slaClockSince", "l1SecondsUsed", "l2SecondsUsed", "l3SecondsUsed", "tierClockSince",
  "vendorSecondsUsed", "vendorClockSince", "firstRespondedAt", "nextUpdateDueAt", "firstResponseDueAt",
  "resolutionDueAt", "resolutionWarnAt", "tierBudgetEndsAt", "createdAt", "updatedAt")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
  $24, $25, $26, $27, $28, $29, $30, $31)`;

/**
 * The floor under any intake that logs its decisions and tells the customer: the same ticket INSERT with
 * the three events createTicket writes beside it (CREATED, CLASSIFIED, ASSIGNED with the bounded candidate
 * log of a group of 50: $32, $33) and the acknowledgement mail, in one statement. Not a target; it shows how
 * much of the gap to a bare INSERT the writes every intake must make are. With notifications, also the
 * assignee's notification ($34: bench-l1-01's id), written by hand while that trigger is off. The events
 * are announced as the app's are (the live trigger stays on).
 */
const intakeFloorSql = (notificationsOn: boolean) => `WITH t AS (${INSERT_TICKET} RETURNING "id", "number", "title", "customerId"),
  mail AS (${rawMailSql("t", "Received", "$31::timestamp(3)")}),
  ev AS (INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "toTier", "toGroup", "toAssignee", "rule", "inputs", "reason", "createdAt")
  SELECT t."id", e.type::"TicketEventType", CASE WHEN e.type = 'CREATED' THEN $9 END, 'L1', 'service-desk', e.assignee, e.rule, e.inputs::jsonb, e.reason, $31::timestamp(3)
  FROM t, (VALUES
    ('CREATED', NULL, 'intake.l1', '{"group":"service-desk","assignmentMode":"AUTO","category":"platform","channel":"API"}', 'Opened by a customer; entered L1 at Service Desk, an auto-assigning group.'),
    ('CLASSIFIED', NULL, 'matrix.cell', '{"matrixVersion":1,"impact":"MEDIUM","impactSource":"customer","urgency":"MEDIUM","urgencySource":"customer","cell":"MEDIUM×MEDIUM","priority":"P3","clock":"BUSINESS_HOURS","due":{"firstResponseAt":"2026-12-01T10:00:00.000Z","resolutionAt":"2026-12-02T10:00:00.000Z","nextUpdateAt":"2026-12-01T12:00:00.000Z","tierBudgetEndsAt":"2026-12-01T11:00:00.000Z"}}',
     'Classified P3 by priority matrix v1: impact Medium (from the customer) × urgency Medium (from the customer).'),
    ('ASSIGNED', 'bench-l1-01', 'assign.least-loaded', $32, $33)
  ) AS e(type, assignee, rule, inputs, reason)
  RETURNING "id", "ticketId", "type", "reason", "createdAt")
  ${
    notificationsOn
      ? `INSERT INTO "Notification" ("recipientId", "cause", "kind", "ticketId", "eventId", "occurrence", "headline", "sentence", "createdAt")
  SELECT $34, 'ASSIGNED'::"NotificationCause", 'ASSIGNMENTS'::"NotificationKind", ev."ticketId", ev."id", 'event:' || ev."id", 'Assigned to you', ev."reason", ev."createdAt" FROM ev WHERE ev."type" = 'ASSIGNED'
  ON CONFLICT ("recipientId", "cause", "ticketId", "occurrence") DO NOTHING`
      : `SELECT count(*) FROM ev`
  }`;

/** The bare INSERT and the one announcement a committed intake carries, in one transaction (the statement's). */
const ANNOUNCED_INSERT = `WITH t AS (${INSERT_TICKET} RETURNING "id") SELECT pg_notify('tierdesk_bench', t."id"::text) FROM t`;

/** The same columns createTicket writes, as one parameterized single-row INSERT. */
function rawTicketParams(f: BenchFixtures, i: number): unknown[] {
  const now = new Date();
  const input = intakeInput(f, i);
  const impact = input.impact ?? "MEDIUM";
  const urgency = input.urgency ?? "MEDIUM";
  const customer = f.customers[i % f.customers.length]!;
  const type = typeOf(i);
  return [
    `${type === "INCIDENT" ? "INC" : "REQ"}-${rawSeq++}`, type, input.title, input.description, DEFAULT_MATRIX[impact][urgency], impact, urgency,
    f.categories[i % f.categories.length]!.id, customer.id, customer.organizationId, f.serviceDesk, f.matrixVersionId, iso(now), "NEW", "L1",
    0, iso(now), 0, 0, 0, iso(now),
    0, null, null, iso(minutesFrom(now, 60)), iso(minutesFrom(now, 30)),
    iso(minutesFrom(now, 480)), iso(minutesFrom(now, 360)), iso(minutesFrom(now, 30)), iso(now), iso(now),
  ];
}

/** The ASSIGNED event's inputs and reason as placeInGroup writes them for service-desk's 50 agents. */
function benchDecision(f: BenchFixtures): [string, string] {
  const candidates: Candidate[] = f.agents.map((a, k) => ({ id: a.id, userId: a.userId, name: a.name, load: k, openTickets: k, lastAssignedAt: null }));
  const { decision } = placeInGroup({ id: f.serviceDesk, slug: "service-desk", name: "Service Desk", tier: "L1", assignmentMode: "AUTO" }, candidates);
  return [JSON.stringify(decision!.inputs), decision!.reason];
}

/** Bytes on disk of each relation of `tables`: heap (with TOAST) and indexes. */
async function relationBytes(sql: pg.Pool, tables: string[]): Promise<Map<string, { heap: number; indexes: number }>> {
  const { rows } = await sql.query<{ name: string; heap: string; indexes: string }>(
    `SELECT t AS name, pg_table_size(format('%I', t)::regclass) AS heap, pg_indexes_size(format('%I', t)::regclass) AS indexes
     FROM unnest($1::text[]) AS t WHERE to_regclass(format('%I', t)) IS NOT NULL`,
    [tables],
  );
  return new Map(rows.map((r) => [r.name, { heap: Number(r.heap), indexes: Number(r.indexes) }]));
}

const STORAGE_TABLES = ["Ticket", "TicketEvent", "OutboxMessage", "Notification"];
const EVENT_COLUMNS = ["id", "ticketId", "type", "actorId", "fromTier", "toTier", "fromGroup", "toGroup", "fromAssignee", "toAssignee", "rule", "inputs", "reason", "createdAt"];

interface Storage {
  tickets: number;
  /** Bytes per ticket by table: heap (with TOAST) and indexes. */
  perTicket: Map<string, { heap: number; indexes: number }>;
  /** Mean stored size of an ASSIGNED event's inputs (pg_column_size: after compression). */
  assignedInputs: number;
  /** An ASSIGNED event on disk as logged, and with the full candidate list of before (see assignedRowBytes). */
  assignedRow: { disk: number; row: number };
  fullListRow: { disk: number; row: number };
  /**
   * The floor of the decision log's bytes per ticket: what its events hold, each column's value as stored
   * (pg_column_size), without the row headers, line pointers, free space and index entries that storing them
   * adds. Only logging less goes below it.
   */
  eventContent: number;
}

export async function runIntakePart(kit: BenchKit, f: BenchFixtures, sql: pg.Pool, targets: IntakeTargets): Promise<PartResult> {
  const { log, fmt, median, drive } = kit;
  await sql.query(`UPDATE "SupportGroup" SET "assignmentMode" = 'AUTO' WHERE slug = 'service-desk'`);
  const raw = kit.rawPool(CONCURRENCY);
  await kit.warmRaw(raw, CONCURRENCY);
  await kit.warmApp(CONCURRENCY);
  const notificationsOn = await kit.hasNotifications(sql);
  const live = await liveTriggers(sql);
  let intakeSeq = 0;
  let assigned = 0;
  let appStatements = 0;
  let created = 0;
  const runApp = async (count: number, side?: string, concurrency = CONCURRENCY) => {
    const before = kit.statements();
    const counted = side === "intake app";
    const ms = await drive(concurrency, count, async () => {
      const i = intakeSeq++;
      const ticket = await createTicket(f.customers[i % f.customers.length]!, intakeInput(f, i));
      if (counted && ticket.assignee) assigned++;
    }, side);
    if (counted) {
      appStatements += kit.statements() - before;
      created += count;
    }
    return (count / ms) * 1000;
  };
  const runRaw = async (count: number, text = INSERT_TICKET, side?: string) => {
    const ms = await drive(CONCURRENCY, count, async (i) => {
      await raw.query(text, rawTicketParams(f, i));
    }, side);
    return (count / ms) * 1000;
  };
  const [decisionInputs, decisionReason] = benchDecision(f);
  const floorSql = intakeFloorSql(notificationsOn);
  const runFloor = async (count: number) => {
    // The floor writes the notification itself: that trigger is off meanwhile (nothing else runs then).
    if (notificationsOn) await sql.query(`ALTER TABLE "TicketEvent" DISABLE TRIGGER "TicketEvent_notify"`);
    try {
      const ms = await drive(CONCURRENCY, count, async (i) => {
        await raw.query(floorSql, [...rawTicketParams(f, i), decisionInputs, decisionReason, ...(notificationsOn ? [f.agents[0]!.id] : [])]);
      });
      return (count / ms) * 1000;
    } finally {
      if (notificationsOn) await sql.query(`ALTER TABLE "TicketEvent" ENABLE TRIGGER "TicketEvent_notify"`);
    }
  };

  /** Paired rounds of createTicket against the bare INSERT, in alternating order; `extra` runs after each pair. */
  const rounds = async (label: string, extra?: (rawTps: number) => Promise<string>) => {
    const ratios: number[] = [];
    const app: number[] = [];
    const rawRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let appTps: number, rawTps: number;
      if (round % 2) {
        rawTps = await runRaw(RAW_PER_ROUND, INSERT_TICKET, "intake raw");
        appTps = await runApp(APP_PER_ROUND, "intake app");
      } else {
        appTps = await runApp(APP_PER_ROUND, "intake app");
        rawTps = await runRaw(RAW_PER_ROUND, INSERT_TICKET, "intake raw");
      }
      app.push(appTps);
      rawRates.push(rawTps);
      ratios.push(appTps / rawTps);
      const more = extra ? `; ${await extra(rawTps)}` : "";
      log(`  ${label} round ${round + 1}: createTicket ${fmt(appTps)}/s, raw INSERT ${fmt(rawTps)}/s, ratio ${fmt(appTps / rawTps, 3)}${more}`);
    }
    return { app, raw: rawRates, ratios };
  };

  /** Not a target: paired rounds with the live announcements off, what their commit lock costs (see liveTriggers). */
  const withoutLive = async (label: string) => {
    const ratios: number[] = [];
    if (!live.present) return ratios;
    await live.set(false);
    try {
      await runApp(50);
      for (let round = 0; round < 2; round++) {
        const app = await runApp(APP_PER_ROUND);
        const rawTps = await runRaw(RAW_PER_ROUND);
        ratios.push(app / rawTps);
        log(`  ${label}, live announcements off (triggers disabled), round ${round + 1}: createTicket ${fmt(app)}/s, raw INSERT ${fmt(rawTps)}/s, ratio ${fmt(app / rawTps, 3)}`);
      }
    } finally {
      await live.set(true);
    }
    return ratios;
  };

  // Warm-up (not counted): JIT, plan caches, the counter rows.
  await runApp(50);
  await runRaw(100);
  await runFloor(100);
  await runRaw(100, ANNOUNCED_INSERT);

  // 1a. The group of 50, with the floors beside each round.
  const floorRatios: number[] = [];
  const announcedRatios: number[] = [];
  const floorRates: number[] = [];
  const fifty = await rounds("group of 50", async (rawTps) => {
    const floor = await runFloor(RAW_PER_ROUND / 2);
    const announced = await runRaw(RAW_PER_ROUND / 2, ANNOUNCED_INSERT);
    floorRates.push(floor);
    floorRatios.push(floor / rawTps);
    announcedRatios.push(announced / rawTps);
    return `floor (INSERT with its 3 events, mail${notificationsOn ? ", notification" : ""}) ${fmt(floor)}/s (${fmt(floor / rawTps, 3)}), INSERT + one pg_notify ${fmt(announced)}/s (${fmt(announced / rawTps, 3)})`;
  });
  kit.printProfile("intake, group of 50");
  const fiftyWithoutLive = await withoutLive("group of 50");
  const statementsPerTicket = appStatements / created;
  const storage50 = await measureStorage(sql, () => runApp(STORAGE_TICKETS, undefined, 1));
  log(`  storage, group of 50: ${describeStorage(kit, storage50)}`);

  // 1b. The group of 500: 450 more agents in service-desk (no load yet, ranked with the 50 who carry some).
  const extra = await addAgents(sql, f, LARGE_GROUP - f.agents.length);
  let five: { app: number[]; raw: number[]; ratios: number[] };
  let storage500: Storage;
  let fiveWithoutLive: number[];
  try {
    await runApp(50);
    five = await rounds(`group of ${LARGE_GROUP}`);
    kit.printProfile(`intake, group of ${LARGE_GROUP}`);
    fiveWithoutLive = await withoutLive(`group of ${LARGE_GROUP}`);
    storage500 = await measureStorage(sql, () => runApp(STORAGE_TICKETS, undefined, 1));
    log(`  storage, group of ${LARGE_GROUP}: ${describeStorage(kit, storage500)}`);
  } finally {
    await sql.query(`DELETE FROM "GroupMembership" WHERE "groupId" = $1 AND "userId" = ANY($2::text[])`, [f.serviceDesk, extra]);
  }

  // Not a target: into a pull queue (no ranking, no agent row, no ASSIGNED event).
  await sql.query(`UPDATE "SupportGroup" SET "assignmentMode" = 'PULL' WHERE slug = 'service-desk'`);
  const pullRatios: number[] = [];
  await runApp(50);
  for (let round = 0; round < 2; round++) {
    const pull = await runApp(APP_PER_ROUND);
    const rawTps = await runRaw(RAW_PER_ROUND);
    pullRatios.push(pull / rawTps);
    log(`  intake into a pull queue, round ${round + 1}: createTicket ${fmt(pull)}/s, raw INSERT ${fmt(rawTps)}/s, ratio ${fmt(pull / rawTps, 3)}`);
  }
  await sql.query(`UPDATE "SupportGroup" SET "assignmentMode" = 'AUTO' WHERE slug = 'service-desk'`);
  await kit.endPool(raw);
  kit.printProfile("intake, other");

  const ratio50 = median(fifty.ratios);
  const ratio500 = median(five.ratios);
  const floorRatio = median(floorRatios);
  const announcedRatio = median(announcedRatios);
  const eventBytes = (s: Storage) => {
    const e = s.perTicket.get("TicketEvent");
    return e ? e.heap + e.indexes : 0;
  };
  const row = (measurement: string, app: string, rawCol: string, ratio: string, target: string, pass: boolean | null) => ({
    measurement,
    app,
    raw: rawCol,
    ratio,
    target,
    verdict: pass === null ? ("—" as const) : verdict(pass),
  });
  return {
    rows: [
      row(`intake+classify+assign, group of 50, tickets/s @${CONCURRENCY}`, fmt(median(fifty.app)), fmt(median(fifty.raw)), fmt(ratio50, 3), `≥ ${targets.intakeRatio}`, ratio50 >= targets.intakeRatio),
      row(`intake+classify+assign, group of ${LARGE_GROUP}, tickets/s @${CONCURRENCY}`, fmt(median(five.app)), fmt(median(five.raw)), fmt(ratio500, 3), `≥ ${targets.intakeLargeRatio}`, ratio500 >= targets.intakeLargeRatio),
      row(`intake floor: INSERT + its events, mail${notificationsOn ? ", notification" : ""}`, fmt(median(floorRates)), fmt(median(fifty.raw)), fmt(floorRatio, 3), "—", null),
      row(`announcement floor: INSERT + one pg_notify`, "—", "—", fmt(announcedRatio, 3), "—", null),
      ...(fiftyWithoutLive.length
        ? [
            row(`intake, group of 50, live announcements off`, "—", "—", fmt(median(fiftyWithoutLive), 3), "—", null),
            row(`intake, group of ${LARGE_GROUP}, live announcements off`, "—", "—", fmt(median(fiveWithoutLive!), 3), "—", null),
          ]
        : []),
      row(`TicketEvent bytes per ticket, group of 50`, fmt(eventBytes(storage50)), "—", "—", `< ${fmt(targets.eventBytesPerTicket)}`, eventBytes(storage50) < targets.eventBytesPerTicket),
      row(`TicketEvent bytes per ticket, group of ${LARGE_GROUP}`, fmt(eventBytes(storage500!)), "—", "—", `< ${fmt(targets.eventBytesPerTicket)}`, eventBytes(storage500!) < targets.eventBytesPerTicket),
      row(`TicketEvent floor: the events' values alone, group of 50`, fmt(storage50.eventContent), "—", "—", "—", null),
    ],
    notes: [
      `SQL statements per createTicket (BEGIN/COMMIT included): ${fmt(statementsPerTicket, 1)}; raw reference: 1`,
      `intake against its floor (the raw INSERT that also writes the ticket's 3 events and its mail${notificationsOn ? " and the assignee's notification" : ""} in the same statement): ${fmt(median(fifty.ratios.map((r, i) => r / floorRatios[i]!)), 3)}`,
      `group of ${LARGE_GROUP} against group of 50: createTicket ${fmt(median(five.app) / median(fifty.app), 2)}× the rate (ratios to the bare INSERT ${fmt(ratio500, 3)} and ${fmt(ratio50, 3)})`,
      ...(live.present
        ? [
            `the ceiling: PostgreSQL serializes the commits of transactions that pg_notify (a lock held through the commit's WAL flush); every intake announces its events ` +
              `(TicketEvent_live), so intake cannot pass the bare INSERT with one pg_notify in its transaction: ${fmt(announcedRatio, 3)} of the bare INSERT ` +
              `(targets ${targets.intakeRatio} and ${targets.intakeLargeRatio}${announcedRatio < targets.intakeRatio ? ": above that floor, out of reach while the announcement is made inside the transaction" : ""}); ` +
              `with the live triggers off intake reaches ${fmt(median(fiftyWithoutLive), 3)} (group of 50) and ${fmt(median(fiveWithoutLive!), 3)} (group of ${LARGE_GROUP})`,
          ]
        : []),
      `intake into a pull queue (no assignment) against the bare INSERT: ratio ${fmt(median(pullRatios), 3)}`,
      `Node CPU per ticket in this process: createTicket ${fmt(kit.nodeCpuPerOp("intake app"))} µs, raw INSERT ${fmt(kit.nodeCpuPerOp("intake raw"))} µs`,
      assigned
        ? `AUTO placement at intake: present (${fmt(assigned)} of ${fmt(created)} measured tickets came back assigned)`
        : `AUTO placement at intake: ABSENT — createTicket assigned none of ${fmt(created)} tickets with service-desk on AUTO, so the intake figure covers intake + classification only`,
      `TicketEvent bytes per ticket against their floor (the values the log holds, without row headers and index entries): ` +
        `${fmt(eventBytes(storage50) / storage50.eventContent, 2)}× (group of 50), ${fmt(eventBytes(storage500!) / storage500!.eventContent, 2)}× (group of ${LARGE_GROUP})` +
        (storage50.eventContent >= targets.eventBytesPerTicket
          ? `; the floor itself is above the target of ${fmt(targets.eventBytesPerTicket)} B: only logging less would reach it`
          : ""),
      `storage per automatically assigned ticket (${fmt(STORAGE_TICKETS)} through createTicket one after another, relation sizes before and after), group of 50: ${describeStorage(kit, storage50)}`,
      `storage per automatically assigned ticket, group of ${LARGE_GROUP}: ${describeStorage(kit, storage500!)}`,
    ],
  };
}

/** `n` more L1 agents in service-desk; their ids. */
async function addAgents(sql: pg.Pool, f: BenchFixtures, n: number): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO "User" (id, "userId", name, role, tier, "secretHash", "updatedAt")
     SELECT gen_random_uuid()::text, 'bench-l1-x' || lpad(g::text, 3, '0'), 'Bench Agent X' || g, 'AGENT', 'L1', $1, now()::timestamp(3)
     FROM generate_series(1, $2::int) AS g
     RETURNING id`,
    [f.secretHash, n],
  );
  const ids = rows.map((r) => r.id);
  await sql.query(`INSERT INTO "GroupMembership" ("groupId", "userId") SELECT $1, unnest($2::text[])`, [f.serviceDesk, ids]);
  await sql.query(`ANALYZE "User"; ANALYZE "GroupMembership"`);
  return ids;
}

/**
 * Bytes per ticket of `create`'s tickets: the growth of each table (heap with TOAST, and its indexes) while
 * only they are written, divided by their number. The GIN search index keeps a pending list: it is flushed
 * before and after, so what is counted is the index itself.
 */
async function measureStorage(sql: pg.Pool, create: () => Promise<number>): Promise<Storage> {
  const flush = () => sql.query(`SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin' AND i.indrelid = '"Ticket"'::regclass`);
  await flush();
  const last = (await sql.query<{ last: number }>(`SELECT COALESCE(max("id"), 0) AS last FROM "Ticket"`)).rows[0]!.last;
  const before = await relationBytes(sql, STORAGE_TABLES);
  await create();
  await flush();
  const after = await relationBytes(sql, STORAGE_TABLES);
  const counted = (
    await sql.query<{ tickets: number; inputs: number; content: string }>(
      `SELECT (SELECT count(*)::int FROM "Ticket" WHERE "id" > $1) AS tickets,
       (SELECT avg(pg_column_size(e."inputs"))::int FROM "TicketEvent" e WHERE e."ticketId" > $1 AND e."type" = 'ASSIGNED') AS inputs,
       (SELECT sum(${EVENT_COLUMNS.map((c) => `COALESCE(pg_column_size(e."${c}"), 0)`).join(" + ")}) FROM "TicketEvent" e WHERE e."ticketId" > $1) AS content`,
      [last],
    )
  ).rows[0]!;
  const tickets = counted.tickets;
  const asLogged = await assignedRowBytes(sql, last, false);
  const fullList = await assignedRowBytes(sql, last, true);
  const perTicket = new Map<string, { heap: number; indexes: number }>();
  for (const [name, a] of after) {
    const b = before.get(name) ?? { heap: 0, indexes: 0 };
    perTicket.set(name, { heap: (a.heap - b.heap) / tickets, indexes: (a.indexes - b.indexes) / tickets });
  }
  return { tickets, perTicket, assignedInputs: counted.inputs, assignedRow: asLogged, fullListRow: fullList, eventContent: Number(counted.content) / tickets };
}

/**
 * What the ASSIGNED events of the tickets after `last` take per event, on disk (heap, TOAST, no indexes) and as a
 * row in the heap (with a TOAST pointer for a value stored apart), copied
 * into a temporary table with TicketEvent's columns and compression: as logged, or (`fullList`) with the list of
 * every member of the group and their loads that the log kept before it was bounded (lz4 or pglz compresses
 * that list once the row passes 2 kB, as it did in TicketEvent).
 */
async function assignedRowBytes(sql: pg.Pool, last: number, fullList: boolean): Promise<{ disk: number; row: number }> {
  const client = await sql.connect();
  try {
    await client.query(`CREATE TEMP TABLE assigned_copy (LIKE "TicketEvent" INCLUDING COMPRESSION)`);
    const { rowCount } = await client.query(
      `WITH members AS (
         SELECT jsonb_agg(jsonb_build_object('userId', u."userId", 'load', u."openLoad", 'openTickets', u."openTickets",
           'lastAssignedAt', to_char(u."lastAssignedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           ORDER BY u."openLoad", u."lastAssignedAt" NULLS FIRST, u."userId" COLLATE "C") AS list
         FROM "GroupMembership" m JOIN "User" u ON u."id" = m."userId" JOIN "SupportGroup" g ON g."id" = m."groupId"
         WHERE g."slug" = 'service-desk' AND u."active" AND u."role" = 'AGENT'
       )
       INSERT INTO assigned_copy ("id", "ticketId", "type", "actorId", "fromTier", "toTier", "fromGroup", "toGroup", "fromAssignee", "toAssignee", "rule", "inputs", "reason", "createdAt")
       SELECT e."id", e."ticketId", e."type", e."actorId", e."fromTier", e."toTier", e."fromGroup", e."toGroup", e."fromAssignee", e."toAssignee", e."rule",
         CASE WHEN $2 THEN jsonb_build_object('group', 'service-desk', 'assignmentMode', 'AUTO', 'candidates', (SELECT list FROM members)) ELSE e."inputs" END,
         e."reason", e."createdAt"
       FROM "TicketEvent" e WHERE e."ticketId" > $1 AND e."type" = 'ASSIGNED'`,
      [last, fullList],
    );
    const { rows } = await client.query<{ bytes: string; row: number }>(
      `SELECT pg_table_size('assigned_copy') AS bytes, (SELECT avg(pg_column_size(a.*))::int FROM assigned_copy a) AS "row"`,
    );
    return { disk: Number(rows[0]!.bytes) / (rowCount || 1), row: rows[0]!.row };
  } finally {
    await client.query(`DROP TABLE IF EXISTS assigned_copy`).catch(() => {});
    client.release();
  }
}

function describeStorage(kit: BenchKit, s: Storage): string {
  let total = 0;
  const parts = [...s.perTicket].map(([name, { heap, indexes }]) => {
    total += heap + indexes;
    return `${name} ${kit.fmt(heap)} + ${kit.fmt(indexes)} (indexes)`;
  });
  return (
    `${kit.fmt(total)} B in all: ${parts.join(", ")}; an ASSIGNED event's inputs ${kit.fmt(s.assignedInputs)} B stored, ` +
    `the event a ${kit.fmt(s.assignedRow.row)} B row, ${kit.fmt(s.assignedRow.disk)} B on disk ` +
    `(with the full candidate list it had before: a ${kit.fmt(s.fullListRow.row)} B row, ${kit.fmt(s.fullListRow.disk)} B on disk)`
  );
}
