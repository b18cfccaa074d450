import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { afterCondition, filterConditions, orderBy, scopeCondition, viewCondition } from "@/lib/tickets/queue-conditions.sql";
import { decodeQueueCursor, encodeQueueCursor, type QueuePosition } from "@/lib/tickets/queue-cursor";
import { queueScopeFor, type QueueScope } from "@/lib/tickets/queue-scope";
import { queueHref } from "@/lib/tickets/queue-url";
import { formatTimeLeft, timeLeftTone } from "@/lib/tickets/time-left";
import { ZQueueQuery } from "@/lib/validation/queue";

const actor = (role: Actor["role"], tier: Actor["tier"] = null): Actor => ({ id: `id-${role}-${tier}`, userId: "u", name: "N", role, tier, organizationId: null });
const NOW = new Date("2026-11-30T09:00:00Z");
const L1: QueueScope = { actorId: "me", tiers: ["L1"], escalationTier: "L1", selected: "L1" };
const oneLine = (sql: string) => sql.replace(/\s+/g, " ").trim();

describe("queue cursor", () => {
  it("round-trips the sort, direction, last row's key and id for every sort", () => {
    const positions: QueuePosition[] = [
      { sort: "priority", dir: "asc", key: "P2", id: 1234 },
      { sort: "priority", dir: "desc", key: "P5", id: 1 },
      { sort: "first-response", dir: "asc", key: 1_764_669_600_000, id: 9 },
      { sort: "resolution", dir: "desc", key: null, id: 77 },
      { sort: "tier-budget", dir: "asc", key: 0, id: 3 },
      { sort: "updated", dir: "desc", key: 1_764_669_600_123, id: 2_147_483_647 },
      { sort: "age", dir: "desc", key: 42, id: 42 },
    ];
    for (const position of positions) expect(decodeQueueCursor(encodeQueueCursor(position))).toEqual(position);
    expect(encodeQueueCursor(positions[0]!)).toBe("priority.asc.P2.1234");
    expect(encodeQueueCursor(positions[3]!)).toBe("resolution.desc.none.77");
  });

  it("reads anything else as no cursor", () => {
    const bad = [undefined, "", "P2.1234", "priority.asc.P6.1", "priority.asc.P1.0", "priority.up.P1.3", "priority.asc.1764669600000.3",
      "priority.asc.none.3", "updated.asc.none.3", "age.asc.none.3", "resolution.asc.P1.3", "unknown.asc.5.3", "resolution.asc.1e3.3",
      "resolution.asc.5.99999999999", "resolution.asc.5.3 "];
    for (const cursor of bad) expect(decodeQueueCursor(cursor), String(cursor)).toBeNull();
  });
});

describe("queue order", () => {
  it("puts stopped clocks last in either direction, the id breaking ties the same way", () => {
    expect(oneLine(orderBy("resolution", "asc").sql)).toBe(`t."resolutionDueAt" ASC NULLS LAST, t."id" ASC`);
    expect(oneLine(orderBy("tier-budget", "desc").sql)).toBe(`t."tierBudgetEndsAt" DESC NULLS LAST, t."id" DESC`);
    expect(oneLine(orderBy("priority", "asc").sql)).toBe(`t."priority" ASC, t."id" ASC`);
    expect(oneLine(orderBy("age", "desc").sql)).toBe(`t."id" DESC`);
  });

  it("continues after the cursor's row: dated rows then stopped clocks, stopped clocks by id", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    expect(afterCondition({ sort: "resolution", dir: "asc", key: at.getTime(), id: 7 })).toMatchObject({
      sql: `((t."resolutionDueAt", t."id") > (?, ?) OR t."resolutionDueAt" IS NULL)`,
      values: [at, 7],
    });
    expect(afterCondition({ sort: "first-response", dir: "desc", key: null, id: 7 })).toMatchObject({ sql: `(t."firstResponseDueAt" IS NULL AND t."id" < ?)`, values: [7] });
    expect(afterCondition({ sort: "updated", dir: "desc", key: at.getTime(), id: 7 })).toMatchObject({ sql: `(t."updatedAt", t."id") < (?, ?)`, values: [at, 7] });
    expect(afterCondition({ sort: "age", dir: "asc", key: 7, id: 7 })).toMatchObject({ sql: `t."id" > ?`, values: [7] });
  });
});

describe("queue scope", () => {
  it("keeps agents at their tier (L3 also coordinates L4) and refuses another tier", () => {
    expect(queueScopeFor(actor("AGENT", "L1"), undefined)).toMatchObject({ tiers: ["L1"], escalationTier: "L1", selected: "L1" });
    expect(queueScopeFor(actor("AGENT", "L3"), "L3")).toMatchObject({ tiers: ["L3", "L4"], escalationTier: "L3" });
    expect(() => queueScopeFor(actor("AGENT", "L1"), "L2")).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => queueScopeFor(actor("AGENT", "L1"), "all")).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => queueScopeFor(actor("CUSTOMER"), undefined)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it("gives managers and admins every tier by default, or the one they choose", () => {
    expect(queueScopeFor(actor("MANAGER"), undefined)).toMatchObject({ tiers: null, escalationTier: null, selected: "all" });
    expect(queueScopeFor(actor("ADMIN"), "L4")).toMatchObject({ tiers: ["L4"], escalationTier: "L4", selected: "L4" });
  });
});

describe("queue view definitions", () => {
  it("starts every view from the open tickets of the scope's tiers, the statuses written out for the partial indexes", () => {
    expect(oneLine(scopeCondition(L1).sql)).toBe(`t."status" IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'PENDING_VENDOR') AND t."tier" = ?::"Tier"`);
    expect(scopeCondition(L1).values).toEqual(["L1"]);
    expect(scopeCondition({ ...L1, tiers: null }).sql).not.toContain("tier");
  });

  it("defines each view as one indexable condition", () => {
    expect(viewCondition("mine", L1, ["g1"], NOW)).toMatchObject({ sql: `t."assigneeId" = ?`, values: ["me"] });
    expect(viewCondition("unassigned", L1, ["g1"], NOW)).toMatchObject({ sql: `t."assigneeId" IS NULL AND t."groupId" = ?`, values: ["g1"] });
    expect(viewCondition("unassigned", L1, ["g1", "g2"], NOW).sql).toBe(`t."assigneeId" IS NULL AND t."groupId" IN (?,?)`);
    expect(viewCondition("unassigned", L1, [], NOW).sql).toBe("FALSE");
    expect(viewCondition("unassigned", L1, null, NOW).sql).toBe(`t."assigneeId" IS NULL`);
    expect(viewCondition("tier", L1, null, NOW).sql).toBe("TRUE");
    expect(viewCondition("due-soon", L1, null, NOW)).toMatchObject({ sql: `(t."tierBudgetWarnAt" <= ? OR t."resolutionWarnAt" <= ?)`, values: [NOW, NOW] });
    expect(viewCondition("update-due", L1, null, NOW)).toMatchObject({ sql: `(t."nextUpdateDueAt" <= ? OR t."updateDueFlaggedAt" IS NOT NULL)`, values: [NOW] });
  });

  it("counts an escalation to the actor's tier in the last 24 hours, naming the types as the partial index's literals", () => {
    const escalated = viewCondition("escalated", L1, null, NOW);
    expect(oneLine(escalated.sql)).toBe(
      `t."id" = ANY (ARRAY( SELECT e."ticketId" FROM "TicketEvent" e WHERE e."type" IN ('ESCALATED', 'AUTO_ESCALATED') AND e."createdAt" >= ? AND e."toTier" = ?::"Tier" ))`,
    );
    expect(escalated.values).toEqual([new Date("2026-11-29T09:00:00Z"), "L1"]);
    expect(viewCondition("escalated", { ...L1, tiers: null, escalationTier: null }, null, NOW).sql).not.toContain("toTier");
  });

  it("adds filters, English full-text search and the keyset position", () => {
    const conditions = filterConditions({ status: "NEW", priority: "P1", category: "billing", group: "service-desk", q: "printer" });
    expect(conditions.map((c) => c.sql)).toEqual([
      `t."status" = ?::"TicketStatus"`,
      `t."priority" = ?::"Priority"`,
      `t."categoryId" = (SELECT c."id" FROM "Category" c WHERE c."slug" = ?)`,
      `t."groupId" = (SELECT g."id" FROM "SupportGroup" g WHERE g."slug" = ?)`,
      `t."searchVector" @@ websearch_to_tsquery('english', ?)`,
    ]);
    expect(filterConditions({})).toEqual([]);
    expect(afterCondition({ sort: "priority", dir: "asc", key: "P3", id: 7 })).toMatchObject({ sql: `(t."priority", t."id") > (?::"Priority", ?)`, values: ["P3", 7] });
  });
});

describe("queue query", () => {
  it("accepts a bookmarked URL's parameters and ignores empty form fields", () => {
    expect(ZQueueQuery.parse({ view: "due-soon", status: "", q: "  vpn  ", limit: "20", sort: "resolution", dir: "desc", cursor: "resolution.desc.none.5" })).toEqual({ view: "due-soon", q: "vpn", limit: 20, sort: "resolution", dir: "desc", cursor: "resolution.desc.none.5" });
  });

  it("builds stable links that keep the view, filters and search", () => {
    expect(queueHref({ q: "vpn", view: "mine", priority: "P1" })).toBe("/queue?view=mine&priority=P1&q=vpn");
    expect(queueHref({ view: "mine", q: "a b&c" }, { view: "tier", cursor: "P1.2" })).toBe("/queue?view=tier&q=a+b%26c&cursor=P1.2");
    expect(queueHref({ view: "mine" }, { view: undefined })).toBe("/queue");
    expect(queueHref({ view: "mine", cursor: "age.asc.3.3" }, { sort: "resolution", dir: "desc", cursor: undefined })).toBe("/queue?view=mine&sort=resolution&dir=desc");
  });
});

describe("countdown", () => {
  const ends = "2026-11-30T10:00:00.000Z";
  const warn = "2026-11-30T09:45:00.000Z";
  it("turns amber at 25 % left and red when spent", () => {
    expect(timeLeftTone(Date.parse("2026-11-30T09:44:59Z"), warn, ends)).toBe("normal");
    expect(timeLeftTone(Date.parse(warn), warn, ends)).toBe("amber");
    expect(timeLeftTone(Date.parse(ends), warn, ends)).toBe("red");
    expect(timeLeftTone(Date.parse("2026-11-30T09:50:00Z"), null, ends)).toBe("normal");
  });

  it("reads as time left, or time over", () => {
    expect(formatTimeLeft(4 * 60_000 + 9_500)).toBe("4 min 09 s");
    expect(formatTimeLeft(65 * 60_000)).toBe("1 h 05 min 00 s");
    expect(formatTimeLeft(51 * 3_600_000)).toBe("2 d 3 h");
    expect(formatTimeLeft(-90_000)).toBe("1 min 30 s over");
  });
});
