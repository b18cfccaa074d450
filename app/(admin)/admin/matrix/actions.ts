"use server";

import type { AdminActionResult } from "@/components/admin/admin-action-result";
import { runAdminAction } from "@/lib/admin/run-admin-action";
import { runWhatIf, type WhatIfResult } from "@/lib/admin/run-what-if";
import { publishPriorityMatrix } from "@/lib/routing/priority-matrix";

export async function whatIfAction(input: unknown): Promise<AdminActionResult<WhatIfResult>> {
  return runAdminAction((actor) => runWhatIf(actor, input), "What-if done.");
}

export async function publishMatrixAction(input: unknown): Promise<AdminActionResult<{ version: number }>> {
  const result = await runAdminAction(async (actor) => ({ version: (await publishPriorityMatrix(actor, input)).version }), "Published.", "/admin/matrix");
  return result.ok ? { ...result, message: `Published version ${result.data.version}.` } : result;
}
