"use server";

import { createCalendar } from "@/lib/admin/create-calendar";
import { deleteCalendar } from "@/lib/admin/delete-calendar";
import { publishCalendarVersion } from "@/lib/admin/publish-calendar-version";
import { runAction } from "@/lib/http/run-action";
import { unchecked } from "@/lib/validation/unchecked";

const LIST = "/admin/calendars";

/** A new calendar with its version 1; the answer is its slug, for the page to go to. */
export async function createCalendarAction(input: unknown) {
  return runAction(async (actor) => (await createCalendar(actor, unchecked(input))).slug, { done: "Calendar created.", revalidate: LIST });
}

/** The calendar's next version; the answer is its number. */
export async function publishCalendarAction(slug: string, input: unknown) {
  return runAction(async (actor) => {
    const view = await publishCalendarVersion(actor, slug, unchecked(input));
    return view.version;
  }, { done: "Published a new version.", revalidate: `${LIST}/${slug}` });
}

export async function deleteCalendarAction(slug: string) {
  return runAction((actor) => deleteCalendar(actor, slug), { done: "Calendar deleted.", revalidate: LIST });
}
