"use server";

import { runAction } from "@/lib/http/run-action";
import { updateSupportCalendar } from "@/lib/admin/update-support-calendar";
import { unchecked } from "@/lib/validation/unchecked";

export async function updateCalendarAction(input: unknown) {
  return runAction(async (actor) => {
    await updateSupportCalendar(actor, unchecked(input));
  }, { done: "Saved the support calendar.", revalidate: "/admin/calendar" });
}
