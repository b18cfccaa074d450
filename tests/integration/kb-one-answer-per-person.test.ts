import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { recordDeflection } from "@/lib/kb/record-deflection";
import { recordArticleFeedback } from "@/lib/kb/record-feedback";
import { countSelfService } from "@/lib/kb/self-service-counts";
import { countDeflections } from "@/lib/metrics/deflections-and-satisfaction";
import { seedDemoData } from "@/lib/seed/demo-data";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Issue 12: one "Was this helpful?" answer and one "This solved it" per person and article, so one person
// cannot move the managers' dashboard by clicking again.
describeEachDatabase("one KB answer per person and article", (database) => {
  let carla: Actor;
  let gus: Actor;
  let manager: Actor;
  const nov = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour));
  const november = { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" };

  beforeAll(async () => {
    await seedDemoData(database().db);
    carla = await actorFor(database().db, "C1001");
    gus = await actorFor(database().db, "C1002");
    manager = await actorFor(database().db, "manager");
  });

  it("replaces a repeated feedback answer, and the counts show only the latest", async () => {
    await recordArticleFeedback(carla, "help-access", { helpful: true }, nov(2));
    await recordArticleFeedback(carla, "help-access", { helpful: true }, nov(3));
    await recordArticleFeedback(carla, "help-access", { helpful: false }, nov(4));
    await recordArticleFeedback(gus, "help-access", { helpful: true }, nov(4, 10));
    const rows = await database().db.articleFeedback.findMany({ where: { article: { slug: "help-access" } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.userId, r.helpful, r.createdAt.toISOString()])).toEqual([
      [carla.id, false, nov(4).toISOString()],
      [gus.id, true, nov(4, 10).toISOString()],
    ]);
    const daily = await countSelfService(manager, { ...november, period: "day" });
    expect(daily.filter((r) => r.article.slug === "help-access").map((r) => [r.periodStart.slice(0, 10), r.helpful, r.notHelpful])).toEqual([["2026-11-04", 1, 1]]);
  });

  it("replaces a repeated deflection with its latest query and time, and the dashboard counts it once", async () => {
    await recordDeflection(carla, "help-data", { query: "export" }, nov(5));
    await recordDeflection(carla, "help-data", { query: "export stuck" }, nov(6));
    await recordDeflection(carla, "help-data", {}, nov(7));
    const rows = await database().db.deflection.findMany({ where: { customerId: carla.id, article: { slug: "help-data" } } });
    expect(rows.map((r) => [r.query, r.createdAt.toISOString()])).toEqual([[null, nov(7).toISOString()]]);
    expect(await countDeflections({ period: "custom", from: nov(1, 0), to: nov(30, 0) })).toBe(1);
    const monthly = await countSelfService(manager, { ...november, period: "month" });
    expect(monthly.find((r) => r.article.slug === "help-data")).toMatchObject({ deflections: 1 });
  });

  it("leaves one row after 50 identical submits at once", async () => {
    const at = nov(8);
    await Promise.all(Array.from({ length: 50 }, () => recordArticleFeedback(gus, "help-billing", { helpful: true }, at)));
    await Promise.all(Array.from({ length: 50 }, () => recordDeflection(gus, "help-billing", { query: "invoice" }, at)));
    expect(await database().db.articleFeedback.count({ where: { userId: gus.id, article: { slug: "help-billing" } } })).toBe(1);
    expect(await database().db.deflection.count({ where: { customerId: gus.id, article: { slug: "help-billing" } } })).toBe(1);
  });
});
