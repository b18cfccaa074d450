import type { Actor } from "@/lib/actor";
import { forbidden } from "@/lib/errors";
import { runSweep, type SweepResult } from "./sweep";

/** The SLA sweep on demand: managers and admins only (the scheduled sweep runs as the system). */
export async function runSweepAs(actor: Actor, now = new Date()): Promise<SweepResult> {
  if (actor.role !== "MANAGER" && actor.role !== "ADMIN") throw forbidden("Only managers and admins run the SLA sweep.");
  return runSweep(now);
}
