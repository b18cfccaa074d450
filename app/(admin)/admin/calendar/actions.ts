"use server";

import { runAdminAction } from "@/lib/admin/run-admin-action";
import { updateSupportCalendar } from "@/lib/admin/update-support-calendar";

export async function updateCalendarAction(input: unknown) {
  return runAdminAction(async (actor) => {
    await updateSupportCalendar(actor, input);
  }, "Saved the support calendar.", "/admin/calendar");
}
