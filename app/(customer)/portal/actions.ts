"use server";

import { randomUUID } from "node:crypto";
import type { NewTicketState } from "@/components/tickets/new-ticket-form";
import { ATTACHMENTS_FIELD, filesIn } from "@/lib/attachments/prepare-uploads";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { openTicketWithAttachments } from "@/lib/tickets/open-ticket-with-attachments";

const FIELDS = ["type", "title", "description", "category", "impact", "urgency", "followUpOf"] as const;

export async function createTicketAction(_previous: NewTicketState, form: FormData): Promise<NewTicketState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  const idempotencyKey = String(form.get("idempotencyKey") ?? "");
  const actor = await getActor();
  if (!actor) return { values, idempotencyKey, message: "Your session has ended. Sign in again; your text is kept here." };
  try {
    const { ticket, attachments } = await openTicketWithAttachments(actor, { ...values, idempotencyKey }, filesIn(form.getAll(ATTACHMENTS_FIELD)));
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
  } catch (error) {
    // Nothing was created: a corrected resubmit may keep the key.
    if (error instanceof AppError) return { values, idempotencyKey, message: error.message, fieldErrors: error.fields };
    throw error;
  }
}
