import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { createMacro } from "@/lib/macros/create-macro";
import { deleteMacro } from "@/lib/macros/delete-macro";
import { listMacros } from "@/lib/macros/list-macros";
import { previewMacro } from "@/lib/macros/preview-macro";
import { listTicketMacros } from "@/lib/macros/ticket-macros";
import { updateMacro } from "@/lib/macros/update-macro";
import { claimTicket } from "@/lib/routing/claim";
import { seedDemoData } from "@/lib/seed/demo-data";
import { addComment } from "@/lib/tickets/add-comment";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import { replyAndSetStatus } from "@/lib/tickets/reply-and-set-status";
import { actorFor } from "../fixtures/actors";
import { describeEachDatabase } from "../fixtures/test-database";

// Macros: admins keep them (managers read, agents are refused), the placeholders are checked when saved and
// filled (escaped) for a ticket, and a macro's use is counted with the reply actually sent from it.

const T0 = Date.parse("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const HOSTILE = "<img src=x onerror=alert(1)> **bold** [link](http://evil)";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describeEachDatabase("macros", (database) => {
  let admin: Actor;
  let manager: Actor;
  let l1: Actor;
  let customer: Actor;
  let hostile: Actor;
  let accessTicket = "";
  let platformTicket = "";
  const usage = async (id: number) => (await database().db.macro.findUniqueOrThrow({ where: { id } })).usageCount;

  beforeAll(async () => {
    const db = database().db;
    await seedDemoData(db);
    await db.user.update({ where: { userId: "C1002" }, data: { name: HOSTILE } });
    admin = await actorFor(db, "admin");
    manager = await actorFor(db, "manager");
    l1 = await actorFor(db, "l1agent");
    customer = await actorFor(db, "C1001");
    hostile = await actorFor(db, "C1002");
    accessTicket = (await createTicket(hostile, { type: "INCIDENT", title: "Locked out _again_", description: "I cannot sign in.", category: "access" }, at(0))).number;
    platformTicket = (await createTicket(customer, { type: "INCIDENT", title: "Gateway answers 500", description: "Every call fails.", category: "platform" }, at(0))).number;
    await claimTicket(l1, accessTicket, at(1));
    await claimTicket(l1, platformTicket, at(1));
  });

  it("the seeded macros are there: the access category's password reset and the global ones", async () => {
    const titles = (await listMacros(manager)).map((m) => m.title);
    expect(titles).toEqual(expect.arrayContaining(["Password reset instructions", "Waiting for your answer", "Resolved – please confirm", "Escalation summary template"]));
    const onPlatform = (await listTicketMacros(l1, platformTicket)).map((m) => m.title);
    expect(onPlatform).not.toContain("Password reset instructions");
    const onAccess = await listTicketMacros(l1, accessTicket);
    expect(onAccess[0]?.title).toBe("Password reset instructions");
  });

  it("admins create, edit and delete macros, each change audited; managers read only; agents and customers are refused", async () => {
    const created = await createMacro(admin, { title: "Restart the agent 🚀 אבג", body: "Hi {{customer.name}}", category: "platform", visibility: "PUBLIC", setStatus: "IN_PROGRESS" });
    expect(created).toMatchObject({ title: "Restart the agent 🚀 אבג", category: { slug: "platform" }, visibility: "PUBLIC", setStatus: "IN_PROGRESS", usageCount: 0 });
    const edited = await updateMacro(admin, created.id, { title: "Restart the agent", body: "Hello {{customer.name}}", visibility: "INTERNAL" });
    expect(edited).toMatchObject({ title: "Restart the agent", category: null, visibility: "INTERNAL", setStatus: null });
    expect((await listMacros(manager)).map((m) => m.id)).toContain(created.id);

    expect((await refusal(createMacro(manager, { title: "M", body: "x", visibility: "PUBLIC" }))).status).toBe(403);
    expect((await refusal(updateMacro(manager, created.id, { title: "M", body: "x", visibility: "PUBLIC" }))).status).toBe(403);
    expect((await refusal(deleteMacro(manager, created.id))).status).toBe(403);
    expect((await refusal(listMacros(l1))).status).toBe(403);
    expect((await refusal(createMacro(l1, { title: "A", body: "x", visibility: "PUBLIC" }))).status).toBe(403);
    expect((await refusal(listMacros(customer))).status).toBe(403);

    await deleteMacro(admin, created.id);
    expect((await listMacros(admin)).map((m) => m.id)).not.toContain(created.id);
    expect((await refusal(deleteMacro(admin, created.id))).status).toBe(404);
    const audit = await database().db.auditEvent.findMany({ where: { entity: "Macro", entityId: String(created.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });

  it("a duplicate title is a 409; an unknown placeholder, a status set by routing, an unknown category and a NUL byte are 400s; nothing is saved", async () => {
    const before = (await listMacros(admin)).length;
    const dup = await refusal(createMacro(admin, { title: "Waiting for your answer", body: "x", visibility: "PUBLIC" }));
    expect(dup.status).toBe(409);
    expect(dup.fields?.title).toBeDefined();
    const other = await createMacro(admin, { title: "Another", body: "x", visibility: "PUBLIC" });
    expect((await refusal(updateMacro(admin, other.id, { title: "Waiting for your answer", body: "x", visibility: "PUBLIC" }))).status).toBe(409);

    const unknown = await refusal(createMacro(admin, { title: "U", body: "Hi {{customer.email}} and {{ticket.number}}", visibility: "PUBLIC" }));
    expect(unknown.status).toBe(400);
    expect(unknown.fields?.body?.join(" ")).toContain("{{customer.email}}");
    expect((await refusal(createMacro(admin, { title: "V", body: "x", visibility: "PUBLIC", setStatus: "PENDING_VENDOR" }))).fields?.setStatus).toBeDefined();
    expect((await refusal(createMacro(admin, { title: "W", body: "x", visibility: "PUBLIC", category: "no-such" }))).fields?.category).toBeDefined();
    expect((await refusal(createMacro(admin, { title: "Nul\u0000", body: "x", visibility: "PUBLIC" }))).fields?.title).toBeDefined();
    expect((await refusal(createMacro(admin, { title: "N", body: "a\u0000b", visibility: "PUBLIC" }))).fields?.body).toBeDefined();
    expect((await refusal(updateMacro(admin, other.id, { title: "N", body: "a\u0000b", visibility: "PUBLIC" }))).status).toBe(400);
    expect((await refusal(updateMacro(admin, "12x", { title: "N", body: "b", visibility: "PUBLIC" }))).status).toBe(400);
    expect((await listMacros(admin)).length).toBe(before + 1);
    await deleteMacro(admin, other.id);
  });

  it("preview fills the ticket's values and shows a hostile customer name as literal text; nothing is counted", async () => {
    const macro = await createMacro(admin, {
      title: "Preview check",
      body: "Hello {{customer.name}}, {{ticket.number}} ({{ticket.title}}): {{update.promise}}. {{agent.name}}",
      visibility: "PUBLIC",
    });
    const preview = await previewMacro(l1, accessTicket, macro.id, at(5));
    expect(preview.body).toContain(`Hello \\<img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\[link\\](http://evil), ${accessTicket} (Locked out \\_again\\_): We will update you by`);
    expect(preview.body).toMatch(/ Lena First$/);
    expect(preview).toMatchObject({ visibility: "PUBLIC", setStatus: null, macro: { id: macro.id } });
    expect(await usage(macro.id)).toBe(0);

    // Sent as previewed, the reply the customer reads shows the name as typed.
    await addComment(l1, accessTicket, { body: preview.body, visibility: "PUBLIC", macroId: macro.id }, at(6));
    const comment = await database().db.comment.findFirstOrThrow({ where: { macroId: macro.id } });
    expect(comment.body).toBe(preview.body);
    expect(await usage(macro.id)).toBe(1);
  });

  it("preview is for staff who can see the ticket, of a macro offered on it", async () => {
    const reset = (await listMacros(admin)).find((m) => m.title === "Password reset instructions")!;
    expect((await refusal(previewMacro(l1, platformTicket, reset.id, at(5)))).status).toBe(404);
    expect((await refusal(previewMacro(customer, platformTicket, reset.id, at(5)))).status).toBe(403);
    expect((await refusal(previewMacro(l1, "INC-999999", reset.id, at(5)))).status).toBe(404);
    expect((await refusal(previewMacro(l1, accessTicket, 999_999, at(5)))).status).toBe(404);
    expect((await refusal(previewMacro(l1, accessTicket, "abc", at(5)))).status).toBe(400);
  });

  it("usage counts replies actually sent: a refused reply, a customer or another category's macro counts nothing", async () => {
    const macro = await createMacro(admin, { title: "Usage check", body: "Checking {{ticket.number}}", category: "platform", visibility: "PUBLIC" });
    await addComment(l1, platformTicket, { body: "edited before sending", visibility: "PUBLIC", macroId: macro.id }, at(10));
    expect(await usage(macro.id)).toBe(1);
    await addComment(l1, platformTicket, { body: "no macro", visibility: "PUBLIC" }, at(11));
    expect((await refusal(addComment(l1, platformTicket, { body: "bad\u0000", visibility: "PUBLIC", macroId: macro.id }, at(12)))).status).toBe(400);
    expect((await refusal(addComment(l1, accessTicket, { body: "wrong category", visibility: "PUBLIC", macroId: macro.id }, at(12)))).fields?.macroId).toBeDefined();
    expect((await refusal(addComment(customer, platformTicket, { body: "me too", visibility: "PUBLIC", macroId: macro.id }, at(12)))).status).toBe(403);
    expect(await usage(macro.id)).toBe(1);
    const event = await database().db.ticketEvent.findFirst({ where: { type: "COMMENTED", inputs: { path: ["macroId"], equals: macro.id } } });
    expect(event).not.toBeNull();
  });

  it("a reply from a macro that sets a status: sent, then the status changes through the ordinary status change", async () => {
    const waiting = (await listMacros(admin)).find((m) => m.title === "Waiting for your answer")!;
    const preview = await previewMacro(l1, platformTicket, waiting.id, at(20));
    expect(preview.body).toContain("We will continue as soon as you reply");
    const before = await usage(waiting.id);
    const sent = await replyAndSetStatus(l1, platformTicket, { body: preview.body, visibility: "PUBLIC", macroId: waiting.id, setStatus: "PENDING_CUSTOMER" }, [], at(21));
    expect(sent.statusSet).toBe("PENDING_CUSTOMER");
    expect((await getTicket(l1, platformTicket)).status).toBe("PENDING_CUSTOMER");
    expect(await usage(waiting.id)).toBe(before + 1);
    const changed = await database().db.ticketEvent.findFirst({ where: { type: "STATUS_CHANGED", rule: "status.manual" }, orderBy: { id: "desc" } });
    expect(changed?.inputs).toMatchObject({ to: "PENDING_CUSTOMER" });
    // A status set by routing is refused before anything is sent.
    expect((await refusal(replyAndSetStatus(l1, platformTicket, { body: "x", visibility: "PUBLIC", setStatus: "PENDING_VENDOR" }, [], at(22)))).status).toBe(400);
    expect(await usage(waiting.id)).toBe(before + 1);
  });

  it("50 notes sent at once from one macro add exactly 50 uses; parallel replies count exactly those that were sent", async () => {
    const note = await createMacro(admin, { title: "Parallel note", body: "Checked {{ticket.number}}", visibility: "INTERNAL" });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => addComment(l1, accessTicket, { body: `note ${i}`, visibility: "INTERNAL", macroId: note.id }, at(30))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(50);
    expect(await usage(note.id)).toBe(50);

    const reply = await createMacro(admin, { title: "Parallel reply", body: "Update", visibility: "PUBLIC" });
    const replies = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => addComment(l1, accessTicket, { body: `reply ${i}`, visibility: "PUBLIC", macroId: reply.id }, at(31))));
    const sent = await database().db.comment.count({ where: { macroId: reply.id } });
    expect(sent).toBe(replies.filter((r) => r.status === "fulfilled").length);
    expect(await usage(reply.id)).toBe(sent);
  });
});
