"use server";

import { createCalendar } from "@/lib/admin/create-calendar";
import { deleteCalendar } from "@/lib/admin/delete-calendar";
import { publishCalendarVersion } from "@/lib/admin/publish-calendar-version";
import { runAdminAction } from "@/lib/admin/run-admin-action";

const LIST = "/admin/calendars";

/** A new calendar with its version 1; the answer is its slug, for the page to go to. */
export async function createCalendarAction(input: unknown) {
  return runAdminAction(async (actor) => (await createCalendar(actor, input)).slug, "Calendar created.", LIST);
}

/** The calendar's next version; the answer is its number. */
export async function publishCalendarAction(slug: string, input: unknown) {
  return runAdminAction(async (actor) => {
    const view = await publishCalendarVersion(actor, slug, input);
    return view.version;
  }, "Published a new version.", `${LIST}/${slug}`);
}

export async function deleteCalendarAction(slug: string) {
  return runAdminAction((actor) => deleteCalendar(actor, slug), "Calendar deleted.", LIST);
}
