// One run of the repeating IMAP fetch (INBOUND_IMAP_URL): every app instance schedules it, and a lease per
// mailbox (lib/schedule/job-lease.ts) lets one of them fetch at a time; the others skip that run. Without it
// each would download every message (the intake keeps one, by Message-ID) and, with INBOUND_IMAP_AFTER=move:,
// the slower one's move would fail and its run report an error.
import type { JobResult } from "@/lib/observability/log-line";
import { withJobLease } from "@/lib/schedule/job-lease";
import { fetchImapMailbox } from "./imap-fetch";
import type { InboundImapSettings } from "./imap-settings";
import { parseImapUrl } from "./imap-url";
import { receiveInboundMail } from "./receive-inbound-mail";

/** Longer than a run should ever take (50 messages, each bounded by the socket timeout); a crashed holder's lease lapses after it. */
export const IMAP_LEASE_MS = 15 * 60_000;

/** The lease's name: the mailbox, never the password. */
export function imapLeaseName(url: string): string {
  const { user, host, port, mailbox } = parseImapUrl(url);
  return `imap:${user}@${host}:${port}/${mailbox ?? "INBOX"}`;
}

export async function runImapFetch(imap: InboundImapSettings): Promise<JobResult> {
  const leased = await withJobLease(imapLeaseName(imap.url), IMAP_LEASE_MS, () =>
    fetchImapMailbox({
      url: imap.url,
      afterReceive: imap.afterReceive,
      receive: async (raw) => {
        await receiveInboundMail(raw, "IMAP");
      },
    }),
  );
  if (!leased.ran) return null; // another instance is fetching this mailbox
  const result = leased.result;
  if (result.failed) throw new Error(`${result.failed} of ${result.fetched} messages could not be stored: ${result.errors.join("; ")}`);
  return result.fetched || result.tooBig.length ? { received: result.received, ...(result.tooBig.length ? { tooBig: result.tooBig } : {}) } : null;
}
