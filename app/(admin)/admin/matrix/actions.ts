"use server";

import type { ActionOutcome } from "@/lib/http/run-action";
import { runAction } from "@/lib/http/run-action";
import { publishPriorityMatrix } from "@/lib/routing/priority-matrix";
import { unchecked } from "@/lib/validation/unchecked";

export async function publishMatrixAction(input: unknown): Promise<ActionOutcome<{ version: number }>> {
  const result = await runAction(async (actor) => ({ version: (await publishPriorityMatrix(actor, unchecked(input))).version }), { done: "Published.", revalidate: "/admin/matrix" });
  return result.ok ? { ...result, message: `Published version ${result.data.version}.` } : result;
}
