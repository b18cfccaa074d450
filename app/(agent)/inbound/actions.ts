"use server";

import type { InboundActionResult } from "@/components/inbound/inbound-mail-actions";
import type { Actor } from "@/lib/actor";
import { runAction } from "@/lib/http/run-action";
import { acceptInboundMail, discardInboundMail } from "@/lib/inbound/decide-inbound-mail";
import { unchecked } from "@/lib/validation/unchecked";

async function run(verb: (actor: Actor) => Promise<unknown>, done: string): Promise<InboundActionResult> {
  const outcome = await runAction(verb, { done, revalidate: "/inbound" });
  return outcome.ok ? { ok: true, message: outcome.message } : outcome;
}

/** The same lib verb (and schema) as POST /api/v1/inbound-mail/{mailId}/accept. */
export async function acceptInboundMailAction(mailId: number, input: unknown): Promise<InboundActionResult> {
  return run((actor) => acceptInboundMail(actor, String(mailId), unchecked(input)), "Accepted: posted as the customer's reply.");
}

/** The same lib verb as POST /api/v1/inbound-mail/{mailId}/discard. */
export async function discardInboundMailAction(mailId: number): Promise<InboundActionResult> {
  return run((actor) => discardInboundMail(actor, String(mailId)), "Discarded.");
}
