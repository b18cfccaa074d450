"use server";

import { revalidatePath } from "next/cache";
import { runAdminAction } from "@/lib/admin/run-admin-action";
import { updateSupportCalendar } from "@/lib/admin/update-support-calendar";

export async function updateCalendarAction(input: unknown) {
  const result = await runAdminAction(async (actor) => {
    await updateSupportCalendar(actor, input);
  }, "Saved the support calendar.");
  if (result.ok) revalidatePath("/admin/calendar");
  return result;
}
