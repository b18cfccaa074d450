import { invalid } from "@/lib/errors";
import { privateAddressesAllowed, urlHostRefusal } from "./address-policy";

/**
 * Refuses, as a 400 on `url`, an endpoint whose host is a loopback, private or link-local address written
 * out (or a localhost name). Names are checked again on every delivery, when they are resolved.
 */
export function checkWebhookUrl(url: string): void {
  if (privateAddressesAllowed()) return;
  const refusal = urlHostRefusal(new URL(url));
  if (refusal) throw invalid({ url: [`This URL points to ${refusal}: webhooks go to public addresses only.`] });
}
