"use server";

import { randomUUID } from "node:crypto";
import type { NewTicketState } from "@/components/tickets/new-ticket-form";
import { ATTACHMENTS_FIELD, filesIn } from "@/lib/attachments/prepare-uploads";
import { runAction } from "@/lib/http/run-action";
import { openTicketWithAttachments } from "@/lib/tickets/open-ticket-with-attachments";
import { unchecked } from "@/lib/validation/unchecked";

const FIELDS = ["type", "title", "description", "category", "impact", "urgency", "followUpOf"] as const;

export async function createTicketAction(_previous: NewTicketState, form: FormData): Promise<NewTicketState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  const idempotencyKey = String(form.get("idempotencyKey") ?? "");
  const outcome = await runAction((actor) => openTicketWithAttachments(actor, unchecked({ ...values, idempotencyKey }), filesIn(form.getAll(ATTACHMENTS_FIELD))));
  // Nothing was created: a corrected resubmit may keep the key.
  if (!outcome.ok) return { values, idempotencyKey, message: outcome.message, fieldErrors: outcome.fields };
  const { ticket, attachments } = outcome.data;
  return {
    created: {
      number: ticket.number,
      statusLabel: ticket.statusLabel,
      priorityLabel: ticket.priorityLabel,
      nextUpdateAt: ticket.nextUpdateAt,
      attachments: attachments.map((a) => ({ fileName: a.fileName, url: a.url })),
    },
    // The next ticket from this page is a new intake: a new key.
    idempotencyKey: randomUUID(),
  };
}
