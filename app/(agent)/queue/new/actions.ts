"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import type { LogContactState } from "@/components/tickets/log-contact-form";
import { searchCustomers } from "@/lib/customers/search-customers";
import { invalid } from "@/lib/errors";
import { runAction } from "@/lib/http/run-action";
import { openTicket } from "@/lib/tickets/create-ticket";
import { unchecked } from "@/lib/validation/unchecked";

const FIELDS = ["customer", "channel", "type", "title", "description", "category", "impact", "urgency", "resolution"] as const;

/** /queue/new: the same lib function (and schema) as POST /api/v1/tickets by staff; a new ticket opens its page. */
export async function logContactAction(_previous: LogContactState, form: FormData): Promise<LogContactState> {
  const values: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")]));
  values.claim = form.get("claim") ? "on" : "";
  values.resolve = form.get("resolve") ? "on" : "";
  const idempotencyKey = String(form.get("idempotencyKey") ?? "") || randomUUID();
  let customer: LogContactState["customer"] = null;
  const outcome = await runAction(async (actor) => {
    if (values.customer) customer = (await searchCustomers(actor, { q: values.customer }).catch(() => [])).find((c) => c.userId === values.customer) ?? null;
    if (values.resolve && !(values.resolution ?? "").trim()) throw invalid({ resolution: ["Say how it was resolved."] });
    const { resolve, resolution, claim, ...fields } = values;
    const input = { ...fields, idempotencyKey, ...(claim ? { claim: true } : {}), ...(resolve ? { resolution } : {}) };
    return (await openTicket(actor, unchecked(input))).ticket.number;
  });
  if (outcome.ok) redirect(`/queue/tickets/${outcome.data}`);
  // Nothing was created: a corrected resubmit may keep the key.
  return { values, customer, idempotencyKey, message: outcome.message, fieldErrors: outcome.fields };
}
