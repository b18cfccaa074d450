import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { queryStatement } from "@/lib/db/statement";
import { AppError } from "@/lib/errors";
import { refusalError } from "@/lib/refusal";
import { insertStatusMailSql } from "@/lib/mail/mail-texts.sql";
import { Prisma } from "@/lib/db/generated/client";
import { getTicket } from "@/lib/tickets/core/get-ticket";
import type { TicketJson } from "@/lib/tickets/core/ticket-json";
import { selectTicketJsonSql } from "@/lib/tickets/core/ticket-json.sql";
import { ZTicketNumber } from "@/lib/validation/ticket";
import { checkClaim } from "./guards";
import { loadTicket } from "@/lib/tickets/core/ticket-store";

/**
 * An agent takes an unassigned ticket at their tier. Atomic: one statement assigns the ticket only while
 * it has no assignee, writes the CLAIMED event with it (and the customer's mail when the ticket was NEW:
 * now "Assigned to an agent"), and returns the claimed ticket, so of many
 * simultaneous claims exactly one wins. When nothing was claimed, `checkClaim` says why: the assignee
 * claiming again changes nothing (200), another agent gets 409, anyone not at the ticket's tier 403.
 */
export async function claimTicket(actor: Actor, number: string, now = new Date()): Promise<TicketJson> {
  const parsed = ZTicketNumber.safeParse(number);
  if (parsed.success && actor.role === "AGENT" && actor.tier) {
    const claimed = await queryStatement<{ ticket: TicketJson }>(Prisma.sql`
      WITH before AS (
        SELECT "id", "status" FROM "Ticket" WHERE "number" = ${parsed.data}
      ), claimed AS (
        UPDATE "Ticket" SET
          "assigneeId" = ${actor.id},
          "status" = CASE WHEN "status" = 'NEW' THEN 'ASSIGNED'::"TicketStatus" ELSE "status" END,
          "version" = "version" + 1,
          "updatedAt" = ${now}
        WHERE "number" = ${parsed.data} AND "assigneeId" IS NULL AND "tier" = ${actor.tier}::"Tier"
          AND "status" NOT IN ('RESOLVED', 'CLOSED')
        RETURNING *
      ), event AS (
        INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "fromTier", "toTier", "toGroup", "toAssignee", "rule", "inputs", "reason", "createdAt")
        SELECT c."id", 'CLAIMED', ${actor.id}, c."tier", c."tier", g."slug", ${actor.userId}, 'claim.pull',
          jsonb_build_object('group', g."slug", 'assignmentMode', g."assignmentMode"),
          'Claimed by ' || ${actor.name}::text || ' from the ' || g."name" || ' queue.', ${now}
        FROM claimed c JOIN "SupportGroup" g ON g."id" = c."groupId"
      ), mail AS (
        ${insertStatusMailSql(Prisma.sql`(SELECT c.* FROM claimed c JOIN before b ON b."id" = c."id" AND b."status" = 'NEW')`, { from: "NEW", to: "ASSIGNED" }, now)}
      )
      ${selectTicketJsonSql(Prisma.sql`claimed`)}`);
    if (claimed[0]) return claimed[0].ticket;
  }
  // Nothing was claimed: find out why, as the actor may see the ticket (another customer's is 404).
  const ticket = await loadTicket(db(), actor, number);
  const verdict = checkClaim(actor, ticket);
  if (!verdict.ok) throw refusalError(verdict);
  if (!verdict.already) throw new AppError("CONFLICT", "Someone else has claimed this ticket.");
  return getTicket(actor, number);
}
