import { beforeAll, expect, it } from "vitest";
import { outboxDepth } from "@/lib/observability/outbox-depth";
import { scrapeMetrics } from "@/lib/observability/scrape";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("the outbox depth the metrics read at scrape time", (database) => {
  const now = new Date("2026-12-03T09:00:00.000Z");
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  beforeAll(async () => {
    const db = database().db;
    const mail = (key: string, status: "PENDING" | "SENT" | "FAILED", nextAttemptAt: Date) => ({
      toAddress: "carla@example.com",
      subject: "Your ticket",
      body: "Hello",
      dedupeKey: key,
      status,
      nextAttemptAt,
      createdAt: at(-3600),
    });
    await db.outboxMessage.createMany({
      data: [
        mail("due-1", "PENDING", at(-60)),
        mail("due-2", "PENDING", now),
        mail("held", "PENDING", at(300)),
        mail("retry-later", "PENDING", at(3600)),
        mail("gave-up", "FAILED", at(-10)),
        mail("sent-1", "SENT", at(-7200)),
        mail("sent-2", "SENT", at(-7200)),
      ],
    });
    const admin = await db.user.create({ data: { userId: "depth.admin", name: "Depth Admin", role: "ADMIN", secretHash: "not-used" } });
    const endpoint = await db.webhookEndpoint.create({
      data: { url: "https://hooks.example.com/in", events: ["TICKET_CREATED"], secret: "whsec_x", createdById: admin.id, createdAt: now, updatedAt: now },
    });
    const delivery = (messageId: string, status: "PENDING" | "SUCCEEDED" | "FAILED", nextAttemptAt: Date) => ({
      endpointId: endpoint.id,
      messageId,
      eventType: "TICKET_CREATED" as const,
      status,
      nextAttemptAt,
      createdAt: at(-3600),
    });
    await db.webhookDelivery.createMany({
      data: [delivery("w-due", "PENDING", at(-1)), delivery("w-later", "PENDING", at(120)), delivery("w-failed-1", "FAILED", at(-5)), delivery("w-failed-2", "FAILED", at(-5)), delivery("w-ok", "SUCCEEDED", at(-5))],
    });
  });

  it("counts pending (held and scheduled retries too), due now and failed rows per queue; sent rows are not counted", async () => {
    expect(await outboxDepth(now)).toEqual({
      mail: { pending: 4, due: 2, failed: 1 },
      webhooks: { pending: 2, due: 1, failed: 2 },
    });
    expect((await outboxDepth(at(3600))).mail.due).toBe(4);
  });

  it("shows in the Prometheus text of the scrape", async () => {
    const { body, contentType } = await scrapeMetrics(now);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('tierdesk_outbox_depth{queue="mail",status="pending"} 4');
    expect(body).toContain('tierdesk_outbox_depth{queue="mail",status="failed"} 1');
    expect(body).toContain('tierdesk_outbox_due{queue="webhooks"} 1');
    expect(body).toContain("tierdesk_open_streams 0");
  });

  it("is read on the (status, nextAttemptAt) indexes, never by scanning the tables (PostgreSQL's plan)", async () => {
    if (database().kind !== "postgres") return;
    const db = database().db;
    const plan = await db.$transaction(async (tx) => {
      // On a table this small the planner would rather scan it; forbid that to see which index the query can use.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN
        SELECT count(*) FILTER (WHERE "status" = 'PENDING'), count(*) FILTER (WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now()), count(*) FILTER (WHERE "status" = 'FAILED')
        FROM "OutboxMessage" WHERE "status" IN ('PENDING', 'FAILED')
        UNION ALL
        SELECT count(*) FILTER (WHERE "status" = 'PENDING'), count(*) FILTER (WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now()), count(*) FILTER (WHERE "status" = 'FAILED')
        FROM "WebhookDelivery" WHERE "status" IN ('PENDING', 'FAILED')`);
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("OutboxMessage_status_nextAttemptAt_idx");
    expect(text).toContain("WebhookDelivery_status_nextAttemptAt_idx");
    expect(text).not.toMatch(/Seq Scan/);
  });
});
