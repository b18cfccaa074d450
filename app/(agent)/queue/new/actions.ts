"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import type { LogContactState } from "@/components/tickets/log-contact-form";
import { getActor } from "@/lib/auth/session";
import { searchCustomers } from "@/lib/customers/search-customers";
import { AppError } from "@/lib/errors";
import { openTicket } from "@/lib/tickets/create-ticket";

const FIELDS = ["customer", "channel", "type", "title", "description", "category", "impact", "urgency", "resolution"] as const;

/** /queue/new: the same lib function (and schema) as POST /api/v1/tickets by staff; a new ticket opens its page. */
export async function logContactAction(_previous: LogContactState, form: FormData): Promise<LogContactState> {
  const values: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  values.claim = form.get("claim") ? "on" : "";
  values.resolve = form.get("resolve") ? "on" : "";
  const idempotencyKey = String(form.get("idempotencyKey") ?? "") || randomUUID();
  const actor = await getActor();
  if (!actor) return { values, idempotencyKey, message: "Your session has ended. Sign in again; your text is kept here." };
  const customer = values.customer ? ((await searchCustomers(actor, { q: values.customer }).catch(() => [])).find((c) => c.userId === values.customer) ?? null) : null;
  if (values.resolve && !(values.resolution ?? "").trim()) {
    return { values, customer, idempotencyKey, message: "Some fields are not valid.", fieldErrors: { resolution: ["Say how it was resolved."] } };
  }
  let number: string;
  try {
    const { resolve, resolution, claim, ...fields } = values;
    const input = { ...fields, idempotencyKey, ...(claim ? { claim: true } : {}), ...(resolve ? { resolution } : {}) };
    number = (await openTicket(actor, input)).ticket.number;
  } catch (error) {
    // Nothing was created: a corrected resubmit may keep the key.
    if (error instanceof AppError) return { values, customer, idempotencyKey, message: error.message, fieldErrors: error.fields };
    throw error;
  }
  redirect(`/queue/tickets/${number}`);
}
