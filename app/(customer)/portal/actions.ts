"use server";

import type { NewTicketState } from "@/components/tickets/new-ticket-form";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { createTicket } from "@/lib/tickets/create-ticket";

const FIELDS = ["type", "title", "description", "category", "impact", "urgency"] as const;

export async function createTicketAction(_previous: NewTicketState, form: FormData): Promise<NewTicketState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  const actor = await getActor();
  if (!actor) return { values, message: "Your session has ended. Sign in again; your text is kept here." };
  try {
    const ticket = await createTicket(actor, values);
    return { created: { number: ticket.number, status: ticket.status } };
  } catch (error) {
    if (error instanceof AppError) return { values, message: error.message, fieldErrors: error.fields };
    throw error;
  }
}
