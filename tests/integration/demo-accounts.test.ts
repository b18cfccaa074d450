import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { listDemoAccounts, removeDemoAccounts } from "@/lib/admin/demo-accounts";
import { issuePin } from "@/lib/admin/issue-pin";
import { authenticate } from "@/lib/auth/authenticate";
import { hashSecret } from "@/lib/auth/secret-hash";
import { createDatabase, useDatabase } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/seed/prepare";
import { AppError } from "@/lib/errors";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const code = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : e));

describeEachDatabase("demo accounts with published secrets", (database) => {
  const start = Date.now();
  const at = (minutes: number) => new Date(start + minutes * 60_000);
  let admin: Actor;
  let manager: Actor;
  let customer: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    admin = await actorFor(database().db, "admin");
    manager = await actorFor(database().db, "manager");
    customer = await actorFor(database().db, "C1001");
  });

  it("are listed for staff (every staff page warns), never for customers", async () => {
    expect((await listDemoAccounts(manager)).map((a) => a.userId)).toEqual(["C1001", "C1002", "admin", "l1agent", "l1agent2", "l2agent", "l3agent", "manager"]);
    expect(await listDemoAccounts(customer)).toEqual([]);
  });

  it("a new secret makes an account no longer a demo account", async () => {
    await issuePin(admin, { userId: "C1002" }, at(1));
    expect((await listDemoAccounts(manager)).map((a) => a.userId)).not.toContain("C1002");
  });

  it("are removed by an admin in one action once the desk has an admin of its own: deactivated, secrets replaced, tickets kept", async () => {
    const { number } = await createTicket(customer, { type: "INCIDENT", title: "Kept after the demo goes", description: "x", category: "platform" }, at(2));
    expect(await code(removeDemoAccounts(manager, at(3)))).toBe("FORBIDDEN");
    // The only admin is a demo one: removing would leave nobody to administer the desk.
    expect(await code(removeDemoAccounts(admin, at(3)))).toBe("CONFLICT");
    expect(await listDemoAccounts(manager)).toHaveLength(7);

    await database().db.user.create({ data: { userId: "own.admin", name: "Own Admin", role: "ADMIN", secretHash: await hashSecret("own-admin-password-1") } });
    expect(await removeDemoAccounts(admin, at(4))).toEqual({ removed: 7 });
    expect(await listDemoAccounts(manager)).toEqual([]);
    const people = await database().db.user.findMany({ where: { userId: { in: ["C1001", "admin", "l1agent"] } } });
    expect(people.every((p) => !p.active && !p.publishedSecret && p.secretChangedAt?.getTime() === at(4).getTime())).toBe(true);
    expect(await authenticate("staff", { userId: "l1agent", secret: "l1agent-demo-pass" }, "10.4.0.1", at(5))).toEqual({ ok: false, reason: "invalid" });
    expect(await database().db.ticket.count({ where: { number } })).toBe(1);
    expect(await database().db.auditEvent.count({ where: { action: "remove-demo" } })).toBe(7);
    // A second run finds nothing to remove.
    expect(await removeDemoAccounts(await actorFor(database().db, "own.admin"), at(6))).toEqual({ removed: 0 });
  });
});

it("TIERDESK_DEMO=0: a new embedded database gets the configuration and one admin whose generated password is logged once", async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tierdesk-nodemo-"));
  try {
    const lines: string[] = [];
    expect(await prepareDatabase({ kind: "pglite", dataDir }, (line) => lines.push(line), false)).toEqual({ publishedSecrets: 0 });
    const password = /password (\S+) — shown only this once/.exec(lines.join("\n"))?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    // A second start logs no password again.
    const again: string[] = [];
    await prepareDatabase({ kind: "pglite", dataDir }, (line) => again.push(line), false);
    expect(again.join("\n")).not.toContain(password);

    const opened = createDatabase({ kind: "pglite", dataDir });
    useDatabase(opened);
    try {
      expect(await opened.db.user.findMany({ select: { userId: true, role: true } })).toEqual([{ userId: "admin", role: "ADMIN" }]);
      expect(await opened.db.category.count()).toBeGreaterThan(0);
      expect(await opened.db.priorityMatrixVersion.count()).toBe(1);
      expect(await authenticate("staff", { userId: "admin", secret: "admin-demo-pass" }, "10.4.1.1")).toEqual({ ok: false, reason: "invalid" });
      expect(await authenticate("staff", { userId: "admin", secret: password! }, "10.4.1.1")).toMatchObject({ ok: true });
    } finally {
      useDatabase(undefined);
      await opened.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
