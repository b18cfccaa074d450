import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createPerson } from "@/lib/admin/create-person";
import { deactivatePerson } from "@/lib/admin/deactivate-person";
import { issuePin } from "@/lib/admin/issue-pin";
import { resetStaffPassword } from "@/lib/admin/reset-staff-password";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { AppError } from "@/lib/errors";
import { DEMO_USERS, seedDemoData } from "@/lib/seed/demo-data";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

// Issue 12: a customer BOB and a staff bob cannot both exist, and admin look-ups match the user ID as stored.
describeEachDatabase("user IDs are unique in any case", (database) => {
  let admin: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    await seedDemoData(database().db); // the demo seed loads, and loads again, under the index
    admin = await actorFor(database().db, "admin");
    expect(await database().db.user.count()).toBe(DEMO_USERS.length);
  });

  it("answers 409 when a customer's ID is a staff username in another case, and the other way round", async () => {
    await createPerson(admin, { userId: "bob", name: "Bob Staff", role: "MANAGER" });
    const taken = await errorOf(createPerson(admin, { userId: "BOB", name: "Bob Customer", role: "CUSTOMER" }));
    expect(taken).toMatchObject({ code: "CONFLICT", status: 409, fields: { userId: [expect.stringMatching(/BOB.*taken.*case/i)] } });
    await createPerson(admin, { userId: "C4242", name: "Cleo", role: "CUSTOMER" });
    expect(await errorOf(createPerson(admin, { userId: "c4242", name: "Cleo Staff", role: "AGENT", tier: "L1" }))).toMatchObject({ code: "CONFLICT" });
    expect(await database().db.user.count({ where: { userId: { in: ["bob", "BOB", "C4242", "c4242"] } } })).toBe(2);
  });

  it("refuses the same ID in another case in raw SQL too: the database holds the rule", async () => {
    await expect(
      database().db.$executeRaw`INSERT INTO "User" ("id", "userId", "name", "role", "secretHash", "updatedAt") VALUES ('raw-1', 'L1Agent', 'X', 'AGENT', 'x', now())`,
    ).rejects.toThrow(/User_userId_lower_key|unique/i);
  });

  it("lets exactly one of many concurrent creates in different cases win; the others get 409", async () => {
    const ids = ["dup.one", "DUP.ONE", "Dup.One", "dUP.one", "dup.ONE", "DUP.one"];
    const results = await Promise.allSettled(
      ids.map((userId, i) => createPerson(admin, i % 2 ? { userId, name: `C ${i}`, role: "CUSTOMER" } : { userId, name: `S ${i}`, role: "ADMIN" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", status: 409 });
    expect(await database().db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "User" WHERE lower("userId") = 'dup.one'`).toEqual([{ n: 1 }]);
  });

  it("finds a person for an admin change by the user ID exactly as stored, not in another case", async () => {
    expect(await errorOf(issuePin(admin, { userId: "c1001" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(resetStaffPassword(admin, { userId: "L2Agent" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(deactivatePerson(admin, { userId: "BOB" }))).toMatchObject({ code: "NOT_FOUND" });
    await expect(issuePin(admin, { userId: "C1001" })).resolves.toMatchObject({ userId: "C1001" });
    await expect(deactivatePerson(admin, { userId: "bob" })).resolves.toMatchObject({ userId: "bob", active: false });
    const wrongCase = await errorOf(updateSupportGroup(admin, { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL", members: ["L1Agent"] }));
    expect(wrongCase).toMatchObject({ code: "VALIDATION", fields: { members: ["Not an active L1 agent: L1Agent."] } });
  });
});
