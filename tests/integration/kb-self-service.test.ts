import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { getCustomerArticle } from "@/lib/kb/get-article";
import { listPopularCategoryArticles } from "@/lib/kb/popular-articles";
import { recordDeflection } from "@/lib/kb/record-deflection";
import { recordArticleFeedback } from "@/lib/kb/record-feedback";
import { searchCustomerArticles } from "@/lib/kb/search-articles";
import { countSelfService } from "@/lib/kb/self-service-counts";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("customer self-service articles", (database) => {
  let acme: Actor;
  let globex: Actor;
  let manager: Actor;
  let agent: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    acme = await actorFor(database().db, "C1001");
    globex = await actorFor(database().db, "C1002");
    manager = await actorFor(database().db, "manager");
    agent = await actorFor(database().db, "l1agent");
  });

  it("searches customer articles by full text, stemmed and by prefix, best match first", async () => {
    const results = await searchCustomerArticles({ q: "exporting my data" });
    expect(results[0]).toMatchObject({ slug: "help-data", title: "Exporting your data", category: { slug: "data" } });
    expect(results[0]!.excerpt).toMatch(/^Go to Settings → Data → Export/);
    // "expo" as typed so far finds "export".
    expect((await searchCustomerArticles({ q: "expo" })).map((a) => a.slug)).toContain("help-data");
    expect(await searchCustomerArticles({ q: "   " })).toEqual([]);
    // Operators a customer types are words, not tsquery syntax.
    expect(await searchCustomerArticles({ q: "!(&|:* invoice" })).toEqual([expect.objectContaining({ slug: "help-billing" })]);
  });

  it("never finds agent articles (SOPs), even on words only they contain", async () => {
    // "contract" and "refunds" appear only in the billing SOP.
    const sopWords = await searchCustomerArticles({ q: "refunds contract approval" });
    expect(sopWords).toEqual([]);
    const all = await searchCustomerArticles({ q: "status page error invoice export api slow sign", limit: 20 });
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((a) => a.slug.startsWith("help-"))).toBe(true);
  });

  it("keeps the search vector current when an article is edited or added", async () => {
    await database().db.kbArticle.update({ where: { slug: "help-performance" }, data: { body: "Clear the flux capacitor cache." } });
    expect((await searchCustomerArticles({ q: "capacitor" })).map((a) => a.slug)).toEqual(["help-performance"]);
    await database().db.kbArticle.create({ data: { slug: "help-draft", title: "Capacitor draft", body: "x", audience: "CUSTOMER", published: false } });
    expect((await searchCustomerArticles({ q: "capacitor" })).map((a) => a.slug)).toEqual(["help-performance"]);
  });

  it("opens a customer article; an agent article, a draft or a malformed slug is not found", async () => {
    await expect(getCustomerArticle("help-access")).resolves.toMatchObject({ title: "I cannot sign in", category: { slug: "access" } });
    for (const slug of ["sop-access", "help-draft", "../sop-access", "nope"]) {
      await expect(getCustomerArticle(slug)).rejects.toMatchObject({ status: 404 });
    }
  });

  it("lists the articles of the categories with the most recent tickets first", async () => {
    await createTicket(acme, { type: "INCIDENT", title: "API 500", description: "x", category: "integration" });
    await createTicket(acme, { type: "INCIDENT", title: "API 502", description: "x", category: "integration" });
    await createTicket(globex, { type: "SERVICE_REQUEST", title: "Invoice", description: "x", category: "billing" });
    const popular = await listPopularCategoryArticles(3);
    expect(popular.map((p) => p.category.slug)).toEqual(["integration", "billing", "data"]); // data: the first by name of those with none
    expect(popular[0]!.articles).toEqual([expect.objectContaining({ slug: "help-integration", title: "API calls fail" })]);
    expect(popular.flatMap((p) => p.articles).every((a) => a.slug.startsWith("help-"))).toBe(true);
  });

  it("records deflections and feedback, and counts them per article and period for managers", async () => {
    await recordDeflection(acme, "help-data", { query: "export stuck" }, new Date("2026-11-02T10:00:00Z"));
    await recordDeflection(globex, "help-data", {}, new Date("2026-11-02T23:59:00Z"));
    await recordDeflection(acme, "help-billing", { query: "" }, new Date("2026-11-03T08:00:00Z"));
    await recordArticleFeedback(acme, "help-data", { helpful: true }, new Date("2026-11-02T11:00:00Z"));
    await recordArticleFeedback(globex, "help-data", { helpful: false }, new Date("2026-11-03T11:00:00Z"));
    await recordArticleFeedback(acme, "help-data", { helpful: true }, new Date("2026-12-01T00:00:00Z"));

    // Carla's second answer on help-data (1 December) replaced her first (2 November): one answer per person and article.
    const daily = await countSelfService(manager, { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", period: "day" });
    expect(daily).toEqual([
      { periodStart: "2026-11-02T00:00:00.000Z", article: { slug: "help-data", title: "Exporting your data" }, deflections: 2, helpful: 0, notHelpful: 0 },
      { periodStart: "2026-11-03T00:00:00.000Z", article: { slug: "help-billing", title: "Understanding your invoice" }, deflections: 1, helpful: 0, notHelpful: 0 },
      { periodStart: "2026-11-03T00:00:00.000Z", article: { slug: "help-data", title: "Exporting your data" }, deflections: 0, helpful: 0, notHelpful: 1 },
    ]);
    const monthly = await countSelfService(manager, { from: "2026-11-01T00:00:00Z", to: "2026-12-02T00:00:00Z", period: "month" });
    expect(monthly.map((r) => [r.periodStart.slice(0, 10), r.article.slug, r.deflections, r.helpful, r.notHelpful])).toEqual([
      ["2026-11-01", "help-billing", 1, 0, 0],
      ["2026-11-01", "help-data", 2, 0, 1],
      ["2026-12-01", "help-data", 0, 1, 0],
    ]);
    const row = await database().db.deflection.findFirstOrThrow({ where: { query: "export stuck" } });
    expect(row.customerId).toBe(acme.id);
    expect(await database().db.deflection.count({ where: { query: null } })).toBe(2);
  });

  it("refuses deflections on agent articles and from staff, and counts to customers and agents", async () => {
    await expect(recordDeflection(acme, "sop-data", {})).rejects.toMatchObject({ status: 404 });
    await expect(recordArticleFeedback(acme, "sop-data", { helpful: true })).rejects.toMatchObject({ status: 404 });
    await expect(recordArticleFeedback(acme, "help-data", unchecked({ helpful: "yes" }))).rejects.toMatchObject({ status: 400 });
    await expect(recordDeflection(agent, "help-data", {})).rejects.toMatchObject({ status: 403 });
    const period = { from: "2026-11-01", to: "2026-12-01" };
    await expect(countSelfService(acme, period)).rejects.toMatchObject({ status: 403 });
    await expect(countSelfService(agent, period)).rejects.toMatchObject({ status: 403 });
    await expect(countSelfService(manager, unchecked({ ...period, period: "hour" }))).rejects.toMatchObject({ status: 400 });
  });
});
