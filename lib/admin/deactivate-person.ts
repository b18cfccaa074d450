import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { ZPersonRef } from "@/lib/validation/admin";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { findPersonForChange } from "./find-person-for-change";
import { auditedPerson, personView, type PersonView } from "./person-json";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Deactivates a person: their sessions end on the next request (every request re-reads `active`). */
export async function deactivatePerson(actor: Actor, input: VerbInput<typeof ZPersonRef>): Promise<PersonView> {
  requireAdminWrite(actor);
  const { userId } = parseInput(ZPersonRef, input);
  return db().$transaction(async (tx) => {
    const person = await findPersonForChange(tx, userId);
    if (person.id === actor.id) throw invalid({ userId: ["You cannot deactivate yourself."] });
    const before = personView(person);
    if (!person.active) return before;
    await tx.user.update({ where: { id: person.id }, data: { active: false } });
    const after = { ...before, active: false };
    await recordAuditEvent(tx, actor, { entity: "User", entityId: person.id, action: "deactivate", before: auditedPerson(before), after: auditedPerson(after) });
    return after;
  });
}
