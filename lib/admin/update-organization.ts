import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ZSlugRef } from "@/lib/validation/admin-catalog";
import { ZUpdateOrganization } from "@/lib/validation/organization";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { calendarIdOfChoice } from "./calendar-choice";
import { ORGANIZATION_SELECT, organizationView, type OrganizationView } from "./list-organizations";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * Sets the calendar an organization's customer clock runs on (admins): a calendar's slug, or null for the matrix
 * version's. Due times already on tickets stay as computed until the ticket's next change, as after a new calendar
 * version. An unknown organization is a 404, an unknown calendar a 400 on calendar. Audited.
 */
export async function updateOrganization(actor: Actor, slug: VerbInput<typeof ZSlugRef.shape.slug>, input: VerbInput<typeof ZUpdateOrganization>): Promise<OrganizationView> {
  requireAdminWrite(actor);
  const ref = parseInput(ZSlugRef, { slug });
  const data = parseInput(ZUpdateOrganization, input);
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Organization" WHERE "slug" = ${ref.slug} FOR UPDATE`;
    if (!locked) throw notFound("Organization");
    const before = organizationView(await tx.organization.findUniqueOrThrow({ where: { id: locked.id }, select: ORGANIZATION_SELECT }));
    const calendarId = await calendarIdOfChoice(tx, data.calendar);
    const after = organizationView(await tx.organization.update({ where: { id: locked.id }, data: { calendarId }, select: ORGANIZATION_SELECT }));
    await recordAuditEvent(tx, actor, { entity: "Organization", entityId: locked.id, action: "update", before, after });
    return after;
  });
}
