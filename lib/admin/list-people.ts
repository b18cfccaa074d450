import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { requireAdminRead } from "./authorize";
import { PERSON_SELECT, personView, type PersonView } from "./person-json";

export const PEOPLE_PAGE_SIZE = 200;

/** People by role then user ID, at most PEOPLE_PAGE_SIZE (admins and managers). */
export async function listPeople(actor: Actor): Promise<{ people: PersonView[]; more: boolean }> {
  requireAdminRead(actor);
  const rows = await db().user.findMany({ orderBy: [{ role: "asc" }, { userId: "asc" }], take: PEOPLE_PAGE_SIZE + 1, select: PERSON_SELECT });
  return { people: rows.slice(0, PEOPLE_PAGE_SIZE).map(personView), more: rows.length > PEOPLE_PAGE_SIZE };
}
