import { beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/lib/actor";
import { listAuditEvents } from "@/lib/admin/list-audit-events";
import { listSupportGroups } from "@/lib/admin/list-support-groups";
import { updateSupportGroup } from "@/lib/admin/update-support-group";
import { AppError } from "@/lib/errors";
import { seedDemoData } from "@/lib/seed/demo-data";
import type { ZUpdateSupportGroup } from "@/lib/validation/admin-catalog";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as AppError);

describeEachDatabase("Group leads", (database) => {
  let admin: Actor;
  let manager: Actor;
  const desk = { slug: "service-desk", name: "Service Desk", assignmentMode: "PULL", members: ["l1agent", "l1agent2"] } satisfies z.input<typeof ZUpdateSupportGroup>;
  const leadsOf = async () => (await listSupportGroups(manager)).find((g) => g.slug === "service-desk")!.members.filter((m) => m.isLead).map((m) => m.userId);

  beforeAll(async () => {
    await seedDemoData(database().db);
    admin = await actorFor(database().db, "admin");
    manager = await actorFor(database().db, "manager");
  });

  it("an admin sets the leads among the members; the change is audited with the leads before and after", async () => {
    expect(await leadsOf()).toEqual([]);
    const saved = await updateSupportGroup(admin, { ...desk, leads: ["l1agent"] });
    expect(saved.members).toEqual([
      { userId: "l1agent", name: "Lena First", isLead: true },
      { userId: "l1agent2", name: "Leo First", isLead: false },
    ]);
    const [event] = (await listAuditEvents(admin, { entity: "SupportGroup", limit: 1 })).events;
    expect(event).toMatchObject({ action: "update", actor: { userId: "admin" } });
    expect((event!.before as { members: { isLead: boolean }[] }).members.map((m) => m.isLead)).toEqual([false, false]);
    expect((event!.after as { members: { isLead: boolean }[] }).members.map((m) => m.isLead)).toEqual([true, false]);
    // Saving without leads keeps them; the lead is told of the group's alerts (the trigger reads isLead).
    await updateSupportGroup(admin, { ...desk, name: "Service Desk" });
    expect(await leadsOf()).toEqual(["l1agent"]);
  });

  it("a lead removed from the group is no longer a lead, even after rejoining", async () => {
    await updateSupportGroup(admin, { ...desk, leads: ["l1agent", "l1agent2"] });
    expect(await leadsOf()).toEqual(["l1agent", "l1agent2"]);
    await updateSupportGroup(admin, { ...desk, members: ["l1agent2"] });
    expect(await leadsOf()).toEqual(["l1agent2"]);
    await updateSupportGroup(admin, desk);
    expect(await leadsOf()).toEqual(["l1agent2"]);
    await updateSupportGroup(admin, { ...desk, leads: [] });
    expect(await leadsOf()).toEqual([]);
  });

  it("refuses a lead who is not a member, bad input as 400 naming the field, and anyone but an admin", async () => {
    const stranger = await refusal(updateSupportGroup(admin, { ...desk, members: ["l1agent"], leads: ["l1agent2"] }));
    expect(stranger).toMatchObject({ code: "VALIDATION", fields: { leads: ["A lead is one of the group's members: l1agent2 is not."] } });
    for (const leads of ["l1agent", ["a\u0000"], [42], Array(501).fill("l1agent")]) {
      const fields = Object.keys((await refusal(updateSupportGroup(admin, unchecked({ ...desk, leads }))))?.fields ?? {});
      expect(fields.length && fields.every((f) => f.split(".")[0] === "leads"), `${JSON.stringify(leads).slice(0, 30)}: ${fields.join(", ")}`).toBe(true);
    }
    expect((await refusal(updateSupportGroup(admin, { ...desk, leads: ["🚀", "مرحبا"] })))?.fields).toHaveProperty("leads");
    expect(await refusal(updateSupportGroup(manager, { ...desk, leads: ["l1agent"] }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await leadsOf()).toEqual([]);
  });
});
