import { setting, wholeNumber, type Env } from "./env-settings";
import { parseAfterReceive, parseImapUrl, type AfterReceive } from "./imap-url";

// The IMAP fetch's settings, read from the environment (issue 24, "Receiving"). Pure: the caller passes the
// environment. Off unless INBOUND_IMAP_URL is set; once it is, a value that makes no sense throws a message
// naming its variable, so a misconfigured fetch stops the start instead of quietly reading nothing.

export interface InboundImapSettings {
  url: string;
  afterReceive: AfterReceive;
  /** Seconds between runs. */
  seconds: number;
}

export const DEFAULT_IMAP_SECONDS = 60;

export function inboundImapSettings(env: Env): InboundImapSettings | null {
  const url = setting(env, "INBOUND_IMAP_URL");
  if (!url) return null;
  if (!setting(env, "INBOUND_DOMAIN")) {
    throw new Error("INBOUND_DOMAIN must name the domain of the mailbox replies go to (support.example.com) when INBOUND_IMAP_URL is set: outgoing mail carries a Reply-To there.");
  }
  try {
    parseImapUrl(url);
  } catch (error) {
    throw new Error(`INBOUND_IMAP_URL: ${(error as Error).message}`);
  }
  let afterReceive: AfterReceive = "seen";
  const after = setting(env, "INBOUND_IMAP_AFTER");
  if (after) {
    try {
      afterReceive = parseAfterReceive(after);
    } catch (error) {
      throw new Error(`INBOUND_IMAP_AFTER: ${(error as Error).message}`);
    }
  }
  const seconds = wholeNumber(env, "INBOUND_IMAP_SECONDS", DEFAULT_IMAP_SECONDS, 5, 86_400);
  return { url, afterReceive, seconds };
}
