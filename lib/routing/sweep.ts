// The SLA sweep: automatic escalation when a tier's budget is spent, L4 vendor targets at 75 % and 100 % (the customer is mailed, held and
// coalesced, when that changes the status they see), manager alerts at 75 % and 100 %
// of the resolution target, customer updates that fell due (and managers told when one is overdue by half
// the cadence), and resolved tickets closed when the customer has not answered for a few business days. Set-based: a fixed number of statements
// whatever the number of tickets; idempotent: a second run finds nothing left to do; one instance at a
// time across every app instance on the database (transaction-scoped advisory lock). It never waits for a ticket
// another transaction holds: that one is left to the next run (an escalation holding the ticket may be waiting for
// an agent's row this run already changed, and one of the two would be ended as a deadlock).
//
// The transaction runs on the database driver, not through Prisma: its escalation statement carries a
// thousand tickets' decisions as parameters, which Prisma's query pipeline would cost more to pass than
// PostgreSQL takes to write them (measured in npm run bench:routing).
import { Prisma } from "@/lib/db/generated/client";
import { driverTransaction } from "@/lib/db/transaction";
import { closeResolvedTickets } from "./close-resolved";
import { alertL3BudgetSpent, alertResolution, alertUpdatesOverdue, flagUpdatesDue } from "./sweep-alerts";
import { escalateSpentBudgets } from "./sweep-escalate";
import { alertVendorTargets } from "./vendor-targets.sql";

export interface SweepResult {
  escalated: number;
  alerted: number;
  updatesDue: number;
  /** Resolved tickets closed after the support calendar's autoCloseBusinessDays without a customer reply. */
  closed: number;
  /** Another instance held the sweep lock: this run did nothing. */
  skipped: boolean;
}

const SWEEP_LOCK_KEY = 7_262_023;

export async function runSweep(now = new Date()): Promise<SweepResult> {
  return driverTransaction(async (tx) => {
    const [lock] = await tx.query<{ locked: boolean }>(Prisma.sql`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}::bigint) AS locked`);
    if (!lock?.locked) return { escalated: 0, alerted: 0, updatesDue: 0, closed: 0, skipped: true };
    // Escalation first: a ticket it moves gets its resolution alert in the same write.
    const { escalated, alerted: alertedOnEscalation } = await escalateSpentBudgets(tx, now);
    let alerted = alertedOnEscalation + (await alertL3BudgetSpent(tx, now)) + (await alertResolution(tx, now)) + (await alertVendorTargets(tx, now));
    const updatesDue = await flagUpdatesDue(tx, now);
    alerted += await alertUpdatesOverdue(tx, now);
    const closed = await closeResolvedTickets(tx, now);
    return { escalated, alerted, updatesDue, closed, skipped: false };
  });
}
