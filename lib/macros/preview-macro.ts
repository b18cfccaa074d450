import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { CommentVisibility, TicketStatus } from "@/lib/db/generated/enums";
import { notFound } from "@/lib/errors";
import { clockStateOf } from "@/lib/routing/clock-columns";
import { advanceClocks } from "@/lib/routing/clocks";
import { loadRules } from "@/lib/routing/clock-rules";
import { loadTicket } from "@/lib/tickets/core/ticket-store";
import { ZMacroId } from "@/lib/validation/macro";
import { parseInput } from "@/lib/validation/parse";
import { fillPlaceholders } from "./placeholders";
import { promiseAfterReply } from "./promise-after-reply";
import { requireStaffForMacros } from "./ticket-macros";

export interface MacroPreview {
  macro: { id: number; title: string };
  /** The macro's text with its placeholders filled for this ticket (values escaped as literal Markdown text). */
  body: string;
  visibility: CommentVisibility;
  setStatus: TicketStatus | null;
}

/**
 * A macro filled for one ticket, for the agent to review and edit: nothing is sent or counted. A macro of
 * another category is not offered on this ticket, so it is "not found" here.
 */
export async function previewMacro(actor: Actor, number: string, id: unknown, now = new Date()): Promise<MacroPreview> {
  requireStaffForMacros(actor);
  const macroId = parseInput(ZMacroId, id);
  return db().$transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, number);
    const macro = await tx.macro.findFirst({ where: { id: macroId, OR: [{ categoryId: ticket.categoryId }, { categoryId: null }] } });
    if (!macro) throw notFound("Macro for this ticket");
    const rules = await loadRules(tx, ticket);
    const status = macro.setStatus ?? ticket.status;
    const clocks = advanceClocks(clockStateOf(ticket), { customerUpdated: macro.visibility === "PUBLIC", status }, { now, calendars: rules.calendars, before: rules.target, after: rules.target });
    const body = fillPlaceholders(macro.body, {
      "customer.name": ticket.customer.name,
      "ticket.number": ticket.number,
      "ticket.title": ticket.title,
      "agent.name": actor.name,
      "update.promise": promiseAfterReply(status, clocks.nextUpdateDueAt?.toISOString() ?? null, now),
    });
    return { macro: { id: macro.id, title: macro.title }, body, visibility: macro.visibility, setStatus: macro.setStatus };
  });
}
