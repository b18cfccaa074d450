import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { seedDemoData } from "@/lib/seed/demo-data";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getQueuePreferences, saveQueuePreferences } from "@/lib/tickets/queue-preferences";
import { createSavedView, deleteSavedView, findSavedView, listSavedViews, renameSavedView } from "@/lib/tickets/saved-views";
import { DEFAULT_HIDDEN_COLUMNS } from "@/lib/validation/queue-preferences";
import { unchecked } from "@/lib/validation/unchecked";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

const NOW = new Date("2026-11-30T09:30:00Z");

describeEachDatabase("saved views and queue preferences", (database) => {
  let l1: Actor;
  let l1b: Actor;
  let customer: Actor;

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    customer = await actorFor(db, "C1001");
    l1 = await actorFor(db, "l1agent");
    l1b = await actorFor(db, "l1agent2");
    for (const [i, level] of (["HIGH", "HIGH", "LOW"] as const).entries()) {
      await createTicket(customer, { type: "INCIDENT", title: `Saved ${i}`, description: "For views.", category: "access", impact: level, urgency: level }, new Date("2026-11-30T09:00:00Z"));
    }
  });

  it("creates, lists with counts, renames and deletes a person's own views; a duplicate name is a conflict", async () => {
    const p1 = await createSavedView(l1, { name: "P1 by resolution", query: { view: "tier", priority: "P1", sort: "resolution" }, hiddenColumns: ["tier"] }, NOW);
    expect(p1).toMatchObject({ name: "P1 by resolution", query: { view: "tier", priority: "P1", sort: "resolution" }, hiddenColumns: ["tier"] });
    await createSavedView(l1, { name: "All mine", query: { view: "mine" } }, NOW);
    await expect(createSavedView(l1, { name: "All mine", query: {} }, NOW)).rejects.toMatchObject({ status: 409 });

    expect(await listSavedViews(l1, NOW)).toEqual([
      expect.objectContaining({ name: "All mine", count: 0, hiddenColumns: DEFAULT_HIDDEN_COLUMNS }),
      expect.objectContaining({ name: "P1 by resolution", count: 2 }),
    ]);

    await expect(renameSavedView(l1, p1.id, { name: "All mine" }, NOW)).rejects.toMatchObject({ status: 409 });
    expect(await renameSavedView(l1, String(p1.id), { name: "Urgent" }, NOW)).toMatchObject({ id: p1.id, name: "Urgent" });
    await deleteSavedView(l1, p1.id);
    expect((await listSavedViews(l1, NOW)).map((v) => v.name)).toEqual(["All mine"]);
    await expect(deleteSavedView(l1, p1.id)).rejects.toMatchObject({ status: 404 });
  });

  it("keeps each person's views to themselves: another agent can neither see, open, rename nor delete them, and may reuse the name", async () => {
    const mine = await createSavedView(l1, { name: "Private", query: { view: "unassigned" } }, NOW);
    expect((await listSavedViews(l1b, NOW)).map((v) => v.name)).not.toContain("Private");
    expect(await findSavedView(l1b, mine.id)).toBeNull();
    expect(await findSavedView(l1, mine.id)).toMatchObject({ name: "Private" });
    await expect(renameSavedView(l1b, mine.id, { name: "Taken" }, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(deleteSavedView(l1b, mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(createSavedView(l1b, { name: "Private", query: {} }, NOW)).resolves.toMatchObject({ name: "Private" });
    await expect(listSavedViews(customer, NOW)).rejects.toMatchObject({ status: 403 });
  });

  it("refuses bad names and queries with 400", async () => {
    for (const bad of [{ name: "", query: {} }, { name: "x".repeat(61), query: {} }, { name: "a\u0000b", query: {} }, { name: "ok", query: { view: "nope" } }, { name: "ok", query: { cursor: "age.asc.1.1" } }]) {
      await expect(createSavedView(l1, bad, NOW)).rejects.toMatchObject({ status: 400 });
    }
    await expect(renameSavedView(l1, "abc", { name: "x" }, NOW)).rejects.toMatchObject({ status: 400 });
  });

  it("saves the columns a person hides, per person, with defaults until they choose", async () => {
    expect(await getQueuePreferences(l1)).toEqual({ hiddenColumns: DEFAULT_HIDDEN_COLUMNS });
    expect(await saveQueuePreferences(l1, { hiddenColumns: ["assignee", "age", "age"] }, NOW)).toEqual({ hiddenColumns: ["assignee", "age"] });
    expect(await getQueuePreferences(l1)).toEqual({ hiddenColumns: ["assignee", "age"] });
    expect(await getQueuePreferences(l1b)).toEqual({ hiddenColumns: DEFAULT_HIDDEN_COLUMNS });
    await expect(saveQueuePreferences(l1, unchecked({ hiddenColumns: ["title"] }), NOW)).rejects.toMatchObject({ status: 400 });
  });
});
