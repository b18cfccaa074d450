"use server";

import { runAction } from "@/lib/http/run-action";
import { updateSupportCalendar } from "@/lib/admin/update-support-calendar";

export async function updateCalendarAction(input: unknown) {
  return runAction(async (actor) => {
    await updateSupportCalendar(actor, input);
  }, { done: "Saved the support calendar.", revalidate: "/admin/calendar" });
}
