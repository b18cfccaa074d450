import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { getAdminOverview } from "@/lib/admin/admin-overview";
import { AppError } from "@/lib/errors";
import { seedDemoData } from "@/lib/seed/demo-data";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

describeEachDatabase("the admin home's figures", (database) => {
  let admin: Actor;
  let manager: Actor;
  let agent: Actor;

  beforeAll(async () => {
    await seedDemoData(database().db);
    admin = await actorFor(database().db, "admin");
    manager = await actorFor(database().db, "manager");
    agent = await actorFor(database().db, "l1agent");
  });

  it("counts each section for admins and managers, from the seed", async () => {
    const overview = await getAdminOverview(admin);
    expect(overview).toMatchObject({ activePeople: 8, groups: 5, categories: 6, matrixVersion: 1, demoAccounts: 8, mailWaiting: 0, mailFailed: 0, activeTokens: 0, webhooksActive: 0, webhooksDisabled: 0 });
    expect(overview.articles).toBeGreaterThanOrEqual(12);
    expect(await getAdminOverview(manager)).toEqual(overview);
  });

  it("is refused to agents", async () => {
    await expect(getAdminOverview(agent)).rejects.toBeInstanceOf(AppError);
  });
});
