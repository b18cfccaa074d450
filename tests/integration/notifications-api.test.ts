import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import type { Database } from "@/lib/db/client";
import { NotificationCause, NotificationKind } from "@/lib/db/generated/enums";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { getNotificationPreferences, MAIL_BY_DEFAULT, NO_EMAIL_NOTICE, updateNotificationPreferences } from "@/lib/notifications/preferences";
import { claimTicket } from "@/lib/routing/claim";
import { escalateTicket } from "@/lib/routing/escalate";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** A cause of each kind, for rows written straight into the table. */
const CAUSE_OF: Record<NotificationKind, NotificationCause> = {
  ASSIGNMENTS: "ASSIGNED",
  MY_GROUP: "GROUP_QUEUE",
  CUSTOMER_ACTIVITY: "CUSTOMER_REPLIED",
  SLA_ALERTS: "SLA_WARNING",
  MENTIONS: "MENTIONED",
};

let occurrence = 0;

/** Writes notifications for `recipient` as the trigger would (oldest first); returns their ids. */
async function notify(db: Database, recipient: Actor, ticketId: number, kinds: NotificationKind[], extra: { alertId?: number } = {}): Promise<number[]> {
  const ids: number[] = [];
  for (const kind of kinds) {
    occurrence += 1;
    const row = await db.notification.create({
      data: {
        recipientId: recipient.id,
        cause: extra.alertId ? "SLA_BREACHED" : CAUSE_OF[kind],
        kind,
        ticketId,
        alertId: extra.alertId ?? null,
        occurrence: `test:${occurrence}`,
        headline: `Headline ${occurrence}`,
        sentence: `Sentence ${occurrence}`,
        createdAt: at(occurrence),
      },
    });
    ids.push(row.id);
  }
  return ids;
}

describeEachDatabase("notifications: list, mark read, preferences", (database) => {
  let customer: Actor;
  let l1: Actor;
  let l1b: Actor;
  let l2: Actor;
  let l3: Actor;
  let manager: Actor;
  let number = "";
  let ticketId = 0;

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    customer = await actorFor(db, "C1001");
    l1 = await actorFor(db, "l1agent");
    l1b = await actorFor(db, "l1agent2");
    l2 = await actorFor(db, "l2agent");
    l3 = await actorFor(db, "l3agent");
    manager = await actorFor(db, "manager");
    const ticket = await createTicket(customer, { type: "INCIDENT", title: "Dashboard returns 500", description: "Every page load fails.", category: "platform" }, at(0));
    number = ticket.number;
    ticketId = (await db.ticket.findUniqueOrThrow({ where: { number } })).id;
    await claimTicket(l1, number, at(1));
    await escalateTicket(l1, number, { reason: "Needs platform logs", summary: "Reproduced the 500." }, at(2));
  });

  it("tells l2agent of the escalation that assigned him, unread, with the ticket and the decision's sentence; the escalating agent is not told", async () => {
    const page = await listNotifications(l2);
    expect(page.unreadCount).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        cause: "ASSIGNED",
        kind: "ASSIGNMENTS",
        headline: "Assigned to you",
        sentence: expect.any(String),
        ticket: { number, title: "Dashboard returns 500", priority: "P2", tier: "L2" },
        readAt: null,
        alert: null,
      }),
    ]);
    expect(page.items[0]!.sentence.length).toBeGreaterThan(0);
    expect(page.nextCursor).toBeNull();
    expect((await listNotifications(l1)).items.filter((n) => n.ticket.number === number && n.cause === "ASSIGNED")).toEqual([]);
  });

  it("keeps each person's notifications to themselves: another agent neither lists nor marks them (their ids are ignored)", async () => {
    const theirs = (await listNotifications(l2)).items.map((n) => n.id);
    expect((await listNotifications(l1b)).items.map((n) => n.id)).not.toEqual(expect.arrayContaining(theirs));
    expect(await markNotificationsRead(l1b, { ids: theirs }, at(10))).toEqual({ marked: 0, unreadCount: (await listNotifications(l1b)).unreadCount });
    expect((await listNotifications(l2)).items.every((n) => n.readAt === null)).toBe(true);
  });

  it("refuses customers with 403 on every service", async () => {
    await expect(listNotifications(customer)).rejects.toMatchObject({ status: 403 });
    await expect(markNotificationsRead(customer, { all: true }, at(10))).rejects.toMatchObject({ status: 403 });
    await expect(getNotificationPreferences(customer)).rejects.toMatchObject({ status: 403 });
    await expect(updateNotificationPreferences(customer, { kinds: { MENTIONS: "mail" } }, at(10))).rejects.toMatchObject({ status: 403 });
  });

  it("pages newest first on id: no notification twice, none left out, and the last page has no cursor", async () => {
    const ids = await notify(database().db, l3, ticketId, Array.from({ length: 25 }, () => "ASSIGNMENTS" as const));
    const seen: number[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listNotifications(l3, { limit: "10", ...(cursor ? { cursor } : {}) });
      sizes.push(page.items.length);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual([...ids].reverse());
  });

  it("filters: unread, alerts (the SLA alerts kind, with who acknowledged), mentions (the mention cause)", async () => {
    const db = database().db;
    const [assigned, , mention] = await notify(db, l1b, ticketId, ["ASSIGNMENTS", "SLA_ALERTS", "MENTIONS"]);
    const alert = await db.alert.create({
      data: { id: 900_001, ticketId, rule: "sla.resolution-100", reason: "Breached.", raisedAt: at(30), acknowledgedAt: at(40), acknowledgedById: manager.id },
    });
    const [breach] = await notify(db, l1b, ticketId, ["SLA_ALERTS"], { alertId: alert.id });
    await markNotificationsRead(l1b, { ids: [assigned!] }, at(50));

    const alerts = await listNotifications(l1b, { filter: "alerts" });
    expect(alerts.items.map((n) => n.kind)).toEqual(["SLA_ALERTS", "SLA_ALERTS"]);
    expect(alerts.items[0]).toMatchObject({ id: breach, alert: { id: alert.id, acknowledgedAt: at(40).toISOString(), acknowledgedBy: { userId: "manager", name: "Mia Manager" } } });
    expect(alerts.items[1]!.alert).toBeNull();

    expect((await listNotifications(l1b, { filter: "mentions" })).items.map((n) => n.id)).toEqual([mention]);
    const unread = await listNotifications(l1b, { unread: "1" });
    expect(unread.items.map((n) => n.id)).not.toContain(assigned);
    expect(unread.items.every((n) => n.readAt === null)).toBe(true);
    expect(unread.unreadCount).toBe(unread.items.length);
    expect((await listNotifications(l1b, { unread: "1", filter: "mentions" })).items.map((n) => n.id)).toEqual([mention]);
  });

  it("marks one, then all, read: idempotent, keeps the first read time, and returns the unread count", async () => {
    const ids = await notify(database().db, manager, ticketId, ["ASSIGNMENTS", "MY_GROUP", "CUSTOMER_ACTIVITY"]);
    const before = (await listNotifications(manager)).unreadCount;
    expect(await markNotificationsRead(manager, { ids: [ids[0]!] }, at(60))).toEqual({ marked: 1, unreadCount: before - 1 });
    expect(await markNotificationsRead(manager, { ids: [ids[0]!] }, at(61))).toEqual({ marked: 0, unreadCount: before - 1 });
    const first = (await listNotifications(manager)).items.find((n) => n.id === ids[0]);
    expect(first?.readAt).toBe(at(60).toISOString());

    expect(await markNotificationsRead(manager, { all: true }, at(62))).toEqual({ marked: before - 1, unreadCount: 0 });
    expect(await markNotificationsRead(manager, { all: true }, at(63))).toEqual({ marked: 0, unreadCount: 0 });
    const page = await listNotifications(manager, { limit: 100 });
    expect(page.unreadCount).toBe(0);
    expect(page.items.find((n) => n.id === ids[0])?.readAt).toBe(at(60).toISOString());
  });

  it("50 mark-read calls at once mark each notification once and leave a consistent unread count", async () => {
    const db = database().db;
    const mine = await actorFor(db, "l1agent");
    await markNotificationsRead(mine, { all: true }, at(69));
    const ids = await notify(db, mine, ticketId, Array.from({ length: 40 }, () => "MY_GROUP" as const));
    // 40 calls each for one notification, and 10 for all of them (or with ids already taken), at once.
    const calls = [
      ...ids.map((id) => markNotificationsRead(mine, { ids: [id] }, at(70))),
      ...Array.from({ length: 10 }, (_, i) => (i % 2 ? markNotificationsRead(mine, { all: true }, at(70)) : markNotificationsRead(mine, { ids: ids.slice(0, 5) }, at(70)))),
    ];
    const results = await Promise.all(calls);
    expect(results.reduce((sum, r) => sum + r.marked, 0)).toBe(40);
    expect(results.every((r) => r.unreadCount >= 0 && r.unreadCount <= 40)).toBe(true);
    expect((await listNotifications(mine)).unreadCount).toBe(0);
    expect(await db.notification.count({ where: { recipientId: mine.id, readAt: null } })).toBe(0);
  });

  it("counts unread with the partial index Notification_unread_idx", async () => {
    const db = database().db;
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT count(*)::int FROM "Notification" WHERE "recipientId" = ${l2.id} AND "readAt" IS NULL`;
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Notification_unread_idx");
  });

  describe("preferences", () => {
    it("reads the defaults (SLA alerts and mentions by mail) until a person chooses, and says in-app only without an address", async () => {
      const prefs = await getNotificationPreferences(l2);
      expect(prefs.kinds).toEqual(Object.values(NotificationKind).map((kind) => ({ kind, byMail: MAIL_BY_DEFAULT.has(kind), isDefault: true })));
      expect(prefs.kinds.filter((k) => k.byMail).map((k) => k.kind)).toEqual(["SLA_ALERTS", "MENTIONS"]);
      expect(prefs).toMatchObject({ hasEmail: false, notice: NO_EMAIL_NOTICE });
    });

    it("saves a choice per kind and reads it back; kinds left out keep theirs; another person's stay the defaults", async () => {
      const saved = await updateNotificationPreferences(l2, { kinds: { MY_GROUP: "mail", SLA_ALERTS: "in-app" } }, at(80));
      expect(saved.kinds).toEqual([
        { kind: "ASSIGNMENTS", byMail: false, isDefault: true },
        { kind: "MY_GROUP", byMail: true, isDefault: false },
        { kind: "CUSTOMER_ACTIVITY", byMail: false, isDefault: true },
        { kind: "SLA_ALERTS", byMail: false, isDefault: false },
        { kind: "MENTIONS", byMail: true, isDefault: true },
      ]);
      await updateNotificationPreferences(l2, { kinds: { MENTIONS: "in-app" } }, at(81));
      expect((await getNotificationPreferences(l2)).kinds.filter((k) => k.byMail).map((k) => k.kind)).toEqual(["MY_GROUP"]);
      expect((await getNotificationPreferences(l3)).kinds.every((k) => k.isDefault)).toBe(true);
      await updateNotificationPreferences(l2, { kinds: {} }, at(82));
      expect((await getNotificationPreferences(l2)).kinds.filter((k) => k.byMail).map((k) => k.kind)).toEqual(["MY_GROUP"]);
    });

    it("with no choices the mail trigger mails exactly the MAIL_BY_DEFAULT kinds; a person's choices switch mail on and off", async () => {
      const db = database().db;
      await db.user.update({ where: { id: l3.id }, data: { email: "theo@tierdesk.example" } });
      expect(await getNotificationPreferences(l3)).toMatchObject({ hasEmail: true, notice: null });
      await db.notificationPreference.deleteMany({ where: { userId: l3.id } });
      const mailedKinds = async () => {
        const kinds = Object.values(NotificationKind);
        const ids = await notify(db, l3, ticketId, kinds);
        const mailed = await db.outboxMessage.findMany({ where: { dedupeKey: { in: ids.map((id) => `notification:${id}`) } } });
        expect(mailed.every((m) => m.toAddress === "theo@tierdesk.example" && m.linkPath === `/queue/tickets/${number}`)).toBe(true);
        return kinds.filter((_, i) => mailed.some((m) => m.dedupeKey === `notification:${ids[i]}`));
      };
      expect(await mailedKinds()).toEqual([...MAIL_BY_DEFAULT]);

      const flipped = Object.fromEntries(Object.values(NotificationKind).map((kind) => [kind, MAIL_BY_DEFAULT.has(kind) ? "in-app" : "mail"]));
      await updateNotificationPreferences(l3, { kinds: flipped }, at(90));
      expect(await mailedKinds()).toEqual(Object.values(NotificationKind).filter((kind) => !MAIL_BY_DEFAULT.has(kind)));

      await db.user.update({ where: { id: l3.id }, data: { email: null } });
      expect(await mailedKinds()).toEqual([]);
    });
  });

  it("answers bad input with 400 naming the field, never a 500 (NUL byte, emoji, right-to-left text included)", async () => {
    const badQueries = [
      { cursor: "abc" },
      { cursor: "0" },
      { cursor: "99999999999" },
      { cursor: "1\u00002" },
      { cursor: "😀" },
      { filter: "everything" },
      { filter: "alerts\u0000" },
      { filter: "תראות" },
      { unread: "yes" },
      { limit: "0" },
      { limit: "101" },
      { limit: "x" },
      { sort: "id" },
    ];
    for (const query of badQueries) await expect(listNotifications(l2, query), JSON.stringify(query)).rejects.toMatchObject({ status: 400, fields: expect.any(Object) });

    const badReads = [{}, { ids: [] }, { ids: ["1"] }, { ids: [0] }, { ids: [2_147_483_648] }, { ids: Array.from({ length: 101 }, (_, i) => i + 1) }, { all: false }, { all: "true" }, { all: true, ids: [1] }, null, "all"];
    for (const input of badReads) await expect(markNotificationsRead(l2, unchecked(input), at(100)), JSON.stringify(input)).rejects.toMatchObject({ status: 400 });

    const badPrefs = [
      {},
      { kinds: { SPAM: "mail" } },
      { kinds: { "MENTIONS\u0000": "mail" } },
      { kinds: { MENTIONS: "fax" } },
      { kinds: { MENTIONS: "mail\u0000" } },
      { kinds: { MENTIONS: "📧" } },
      { kinds: { "إشعار": "mail" } },
      { kinds: [] },
      { kinds: { MENTIONS: "mail" }, extra: 1 },
    ];
    for (const input of badPrefs) await expect(updateNotificationPreferences(l2, unchecked(input), at(100)), JSON.stringify(input)).rejects.toMatchObject({ status: 400, fields: expect.any(Object) });
    const unknown = await updateNotificationPreferences(l2, unchecked({ kinds: { SPAM: "mail" } }), at(100)).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ fields: { kinds: ["Unknown kind of notification: SPAM."] } });
  });
});
