import type { Actor } from "@/lib/actor";
import { AppError, forbidden, type AppErrorCode } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { assignTicket } from "@/lib/routing/assign";
import { claimTicket } from "@/lib/routing/claim";
import { updateTicket } from "@/lib/routing/update-ticket";
import { ZBulkAction, type BulkActionInput } from "@/lib/validation/bulk";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { addComment } from "./add-comment";

export type BulkOutcome = { number: string; outcome: "done" } | { number: string; outcome: "refused"; code: AppErrorCode | "ERROR"; reason: string };

export interface BulkResult {
  action: BulkActionInput["action"];
  done: number;
  refused: number;
  results: BulkOutcome[];
}

/**
 * One action over many tickets, each through the single-ticket service in a transaction of its own, so
 * one refusal (or one conflict) leaves the others done. The versions the queue showed are checked as
 * each service checks them: a status change and an assignment inside their transactions; a claim is decided by its own atomic statement
 * (only an unassigned ticket is taken); a note adds to whatever the ticket is now.
 */
export async function bulkAction(actor: Actor, input: VerbInput<typeof ZBulkAction>, now = new Date()): Promise<BulkResult> {
  if (!can(actor, "queue:view")) throw forbidden();
  const data = parseInput(ZBulkAction, input);
  if (data.action === "assign" && actor.role !== "MANAGER" && actor.role !== "ADMIN") throw forbidden("Only managers and admins assign tickets.");

  const results: BulkOutcome[] = [];
  for (const { number, version } of data.tickets) {
    try {
      switch (data.action) {
        case "claim":
          await claimTicket(actor, number, now);
          break;
        case "assign":
          await assignTicket(actor, number, { ...data.assign, version }, now);
          break;
        case "status":
          await updateTicket(actor, number, { version, status: data.status }, now);
          break;
        case "note":
          await addComment(actor, number, { body: data.body, visibility: "INTERNAL" }, now);
          break;
      }
      results.push({ number, outcome: "done" });
    } catch (error) {
      if (error instanceof AppError) results.push({ number, outcome: "refused", code: error.code, reason: error.message });
      else {
        console.error(error);
        results.push({ number, outcome: "refused", code: "ERROR", reason: "Something went wrong on our side with this ticket." });
      }
    }
  }
  const done = results.filter((r) => r.outcome === "done").length;
  return { action: data.action, done, refused: results.length - done, results };
}
