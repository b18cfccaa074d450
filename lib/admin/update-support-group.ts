import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { invalid, notFound } from "@/lib/errors";
import { ZUpdateSupportGroup } from "@/lib/validation/admin-catalog";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { calendarIdOfChoice, vendorTargetRows } from "./calendar-choice";
import { GROUP_SELECT, supportGroupView, type SupportGroupView } from "./list-support-groups";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Renames a group, sets its assignment mode (and L4 kind), and replaces its members (active agents of its
 * tier) and, when given, its leads (among those members) and the calendar its tier budgets run on (a slug, null
 * for the matrix version's; an unknown one is a 400 on calendar) and, for an L4 group, its vendor targets (each on a
 * calendar: an unknown one is a 400 on vendorTargets). A member removed is no longer a lead; audited. Targets apply to
 * hand-offs from then on: an engagement keeps the due times it began with.
 */
export async function updateSupportGroup(actor: Actor, input: VerbInput<typeof ZUpdateSupportGroup>): Promise<SupportGroupView> {
  requireAdminWrite(actor);
  const data = parseInput(ZUpdateSupportGroup, input);
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "SupportGroup" WHERE "slug" = ${data.slug} FOR UPDATE`;
    if (!locked) throw notFound("Group");
    const before = supportGroupView(await tx.supportGroup.findUniqueOrThrow({ where: { id: locked.id }, select: GROUP_SELECT }));
    if (before.tier === "L4" && !data.l4Kind) throw invalid({ l4Kind: ["An L4 group is a vendor or an engineering team."] });
    if (before.tier !== "L4" && data.l4Kind) throw invalid({ l4Kind: ["Only L4 groups have a kind."] });
    if (before.tier === "L4" && data.members.length) throw invalid({ members: ["L4 groups have no members who sign in."] });
    // User IDs exactly as stored, like every admin look-up of a person (find-person-for-change.ts).
    const wanted = [...new Set(data.members)];
    const agents = await tx.user.findMany({ where: { userId: { in: wanted }, role: "AGENT", active: true, tier: before.tier }, select: { id: true, userId: true } });
    const unknown = wanted.filter((w) => !agents.some((a) => a.userId === w));
    if (unknown.length) throw invalid({ members: [`Not an active ${before.tier} agent: ${unknown.join(", ")}.`] });
    const leads = data.leads ? [...new Set(data.leads)] : null;
    const strangers = leads?.filter((l) => !wanted.includes(l)) ?? [];
    if (strangers.length) throw invalid({ leads: [`A lead is one of the group's members: ${strangers.join(", ")} is not.`] });
    const calendarId = data.calendar === undefined ? undefined : await calendarIdOfChoice(tx, data.calendar);
    if (data.vendorTargets?.length && before.tier !== "L4") throw invalid({ vendorTargets: ["Only L4 groups have vendor targets."] });
    const vendorTargets = data.vendorTargets && (await vendorTargetRows(tx, data.vendorTargets));
    await tx.supportGroup.update({ where: { id: locked.id }, data: { name: data.name, assignmentMode: data.assignmentMode, l4Kind: data.l4Kind || null, calendarId } });
    await tx.groupMembership.deleteMany({ where: { groupId: locked.id, userId: { notIn: agents.map((a) => a.id) } } });
    await tx.groupMembership.createMany({ data: agents.map((a) => ({ groupId: locked.id, userId: a.id })), skipDuplicates: true });
    if (vendorTargets) {
      await tx.vendorTarget.deleteMany({ where: { groupId: locked.id } });
      await tx.vendorTarget.createMany({ data: vendorTargets.map((t) => ({ ...t, groupId: locked.id, updatedAt: new Date() })) });
    }
    if (leads) {
      const leadIds = agents.filter((a) => leads.includes(a.userId)).map((a) => a.id);
      await tx.groupMembership.updateMany({ where: { groupId: locked.id, userId: { in: leadIds } }, data: { isLead: true } });
      await tx.groupMembership.updateMany({ where: { groupId: locked.id, userId: { notIn: leadIds } }, data: { isLead: false } });
    }
    const after = supportGroupView(await tx.supportGroup.findUniqueOrThrow({ where: { id: locked.id }, select: GROUP_SELECT }));
    await recordAuditEvent(tx, actor, { entity: "SupportGroup", entityId: locked.id, action: "update", before, after });
    return after;
  });
}
