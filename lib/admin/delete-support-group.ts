import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ZSlugRef } from "@/lib/validation/admin-catalog";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { deletionRefusal, groupDeletionBlockers } from "./deletion-blockers";
import { GROUP_SELECT, supportGroupView } from "./list-support-groups";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Deletes a support group nothing refers to (admins). While it holds or held tickets, has members, is a
 * category's L2 group, or is a group routing relies on (intake, a tier's default), the answer is a 409
 * that names each of them, and nothing changes.
 */
export async function deleteSupportGroup(actor: Actor, input: VerbInput<typeof ZSlugRef>): Promise<void> {
  requireAdminWrite(actor);
  const { slug } = parseInput(ZSlugRef, input);
  await db().$transaction(async (tx) => {
    // The row lock makes a ticket being placed in the group, or a category pointing at it, wait for us.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "SupportGroup" WHERE "slug" = ${slug} FOR UPDATE`;
    if (!locked) throw notFound("Group");
    const group = supportGroupView(await tx.supportGroup.findUniqueOrThrow({ where: { id: locked.id }, select: GROUP_SELECT }));
    const tickets = await tx.ticket.count({ where: { groupId: locked.id } });
    const [history] = tickets
      ? [{ named: true }]
      : await tx.$queryRaw<{ named: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "TicketEvent" WHERE "fromGroup" = ${slug} OR "toGroup" = ${slug}) AS "named"`;
    const blockers = groupDeletionBlockers({ slug, tickets, inTicketHistory: Boolean(history?.named), members: group.members.map((m) => m.userId), l2Categories: group.categories });
    if (blockers.length) throw new AppError("CONFLICT", deletionRefusal(`Group ${slug}`, blockers));
    await tx.supportGroup.delete({ where: { id: locked.id } });
    await recordAuditEvent(tx, actor, { entity: "SupportGroup", entityId: locked.id, action: "delete", before: group, after: null });
  });
}
