import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/** The key of reply tokens: derived from the auth secret, so it is a separate key that needs no setting of its own. */
export function replyKey(): Buffer {
  return createHmac("sha256", authSecret()).update("tierdesk inbound reply token v1").digest();
}

/** INBOUND_DOMAIN, lower-cased; undefined when unset (mail is then sent and received as before issue 24). */
export function inboundDomain(): string | undefined {
  const domain = process.env.INBOUND_DOMAIN?.trim().toLowerCase();
  return domain || undefined;
}
