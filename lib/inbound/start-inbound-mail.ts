// Starts the two ways replies by email come in, each off unless configured (README, "Receiving replies by
// email"): the SMTP receiver (INBOUND_SMTP_PORT) and the IMAP fetch (INBOUND_IMAP_URL), a repeating job. Both
// hand each message to receiveInboundMail, which stores it before anything else: a message is acknowledged
// (250, or flagged \Seen) only after its row is committed.
import { readFile } from "node:fs/promises";
import { onShutdown } from "@/lib/observability/shutdown";
import { startRepeatingJob } from "@/lib/schedule/repeating-job";
import type { Env } from "./env-settings";
import { runImapFetch } from "./imap-job";
import { inboundImapSettings } from "./imap-settings";
import { inboundNewTicketSettings } from "./new-ticket-settings";
import { receiveInboundMail } from "./receive-inbound-mail";
import { startSmtpReceiver } from "./smtp-receiver";
import { inboundSmtpSettings } from "./smtp-receiver-config";

export async function startInboundMail(env: Env): Promise<void> {
  const smtp = inboundSmtpSettings(env);
  const imapOn = !!env.INBOUND_IMAP_URL?.trim();
  // Read once here so a misspelt INBOUND_NEW_TICKETS stops the start (the intake reads it again per mail).
  const newTickets = smtp || imapOn ? inboundNewTicketSettings(env) : null;
  if (newTickets) console.log(`[tierdesk] mail from a known customer that answers none of ours opens a ticket in "${newTickets.category}"`);
  if (smtp) {
    const tls = smtp.tls ? { key: await readFile(smtp.tls.keyFile), cert: await readFile(smtp.tls.certFile) } : undefined;
    const receiver = await startSmtpReceiver({
      ...smtp,
      tls,
      receive: async (raw, envelope) => {
        await receiveInboundMail(raw, "SMTP", new Date(), envelope);
      },
      onReceiveError: (error) => console.error("[tierdesk] inbound SMTP: a message could not be stored; the sender was told to retry.", error),
    });
    console.log(`[tierdesk] receiving replies by SMTP on port ${receiver.port} for @${smtp.domain}`);
    onShutdown(() => receiver.close());
  }

  const imap = inboundImapSettings(env);
  if (imap) {
    startRepeatingJob("imap", imap.seconds, () => runImapFetch(imap));
  }
}
