import { beforeAll, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import type { TicketStatus } from "@/lib/db/generated/enums";
import { enqueueReplyMail, enqueueStatusMail } from "@/lib/mail/enqueue";
import { insertImmediateStatusMailSql, insertReplyMailsSql, insertStatusMailSql } from "@/lib/mail/mail-texts.sql";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Twin parity (lib/README.md): a customer mail's text is filled in TypeScript (`fill`) when the verb knows its
// ticket, and by PostgreSQL's format() inside the statement that finds the ticket. Whatever the title holds —
// percent signs, format()'s own placeholders, quotes, dollar signs, emoji, right-to-left text — both give the
// customer the same subject and body.
const NOW = new Date("2026-12-04T09:00:00Z");
const TITLE = `Exports stop at 100 % — "%1$s", %2$s and %% stay as typed; $1 too 🚀 التصدير متوقف`;

describeEachDatabase("Mail texts: fill and format() give one text", (database) => {
  let ticket: { id: number; number: string; title: string; customerId: string; status: TicketStatus };

  beforeAll(async () => {
    await seedDemoData(database().db);
    const customer = await actorFor(database().db, "C1001");
    const { number } = await createTicket(customer, { type: "INCIDENT", title: TITLE, description: "x", category: "platform" }, NOW);
    ticket = await database().db.ticket.findUniqueOrThrow({ where: { number }, select: { id: true, number: true, title: true, customerId: true, status: true } });
    expect(ticket.title).toBe(TITLE);
  });

  /** The ticket as the SQL twins read it, with the version a change would have written. */
  const source = (version: number) =>
    Prisma.sql`(SELECT t."id", t."number", t."title", t."customerId", t."status", ${version}::int AS "version", ${`c-${version}`}::text AS "commentId" FROM "Ticket" t WHERE t."id" = ${ticket.id})`;
  const mail = (dedupeKey: string) => database().db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey }, select: { subject: true, body: true } });

  it("fills a status mail sent at once and one held the same way in both", async () => {
    const resolved = { from: "IN_PROGRESS" as const, to: "RESOLVED" as const };
    await database().db.$transaction(async (tx) => {
      await enqueueStatusMail(tx, ticket, { ...resolved, version: 901 }, NOW);
      await tx.$executeRaw(insertImmediateStatusMailSql(source(902), resolved, NOW));
    });
    const [typescript, sql] = [await mail(`status:${ticket.id}:v901`), await mail(`status:${ticket.id}:v902`)];
    expect(typescript.subject).toBe(`[${ticket.number}] Resolved: ${TITLE}`);
    expect(sql).toEqual(typescript);

    const claimed = { from: "NEW" as const, to: "ASSIGNED" as const };
    await database().db.$transaction(async (tx) => {
      await enqueueStatusMail(tx, ticket, { ...claimed, version: 903 }, NOW);
      const held = await tx.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `status:${ticket.id}:v903` }, select: { subject: true, body: true } });
      await tx.outboxMessage.deleteMany({ where: { dedupeKey: `status:${ticket.id}:v903` } });
      await tx.$executeRaw(insertStatusMailSql(source(904), claimed, NOW));
      expect(await tx.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `status:${ticket.id}:v904` }, select: { subject: true, body: true } })).toEqual(held);
    });
  });

  it("fills a reply mail the same way in both", async () => {
    const comment = { body: "Fixed at 100 %: the %1$s export runs again 🎉", authorName: "Lena (L1) 50 %" };
    await database().db.$transaction(async (tx) => {
      await enqueueReplyMail(tx, ticket, { id: 1, ...comment }, NOW);
      await tx.$executeRaw(insertReplyMailsSql(source(905), comment, [ticket.status], NOW));
    });
    const [typescript, sql] = [await mail("comment:1"), await mail("comment:c-905")];
    expect(typescript.body).toContain(comment.body);
    expect(sql).toEqual(typescript);
  });
});
