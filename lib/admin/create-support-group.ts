import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import { ZCreateSupportGroup } from "@/lib/validation/admin-catalog";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { GROUP_SELECT, supportGroupView, type SupportGroupView } from "./list-support-groups";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Creates a support group (no members yet: an edit adds them). Its slug and tier never change afterwards. */
export async function createSupportGroup(actor: Actor, input: VerbInput<typeof ZCreateSupportGroup>): Promise<SupportGroupView> {
  requireAdminWrite(actor);
  const data = parseInput(ZCreateSupportGroup, input);
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.supportGroup.create({
        data: { slug: data.slug, name: data.name, tier: data.tier, assignmentMode: data.assignmentMode, l4Kind: data.tier === "L4" ? data.l4Kind || null : null },
        select: GROUP_SELECT,
      });
      const view = supportGroupView(row);
      await recordAuditEvent(tx, actor, { entity: "SupportGroup", entityId: row.id, action: "create", before: null, after: view });
      return view;
    });
  } catch (error) {
    if (isUniqueConstraintViolation(error)) throw invalid({ slug: ["Another group has that slug."] });
    throw error;
  }
}
