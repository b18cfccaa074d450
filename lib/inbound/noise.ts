// Issue 24: loops and noise. A pure decision over a received mail's headers: nothing here is ever answered,
// posted, or allowed to reopen or resume a ticket; it is recorded (IGNORED) with the reason.
import { isOwnMessageId } from "@/lib/mail/reply-address";

export interface MailFacts {
  /** Header name (lower case) → its value, unfolded; the first occurrence. */
  headers: Readonly<Record<string, string>>;
  fromAddress: string | null;
  messageId: string | null;
  /** The top-level content type, e.g. "multipart/report". */
  contentType: string | null;
}

export type NoiseKind = "out-of-office" | "automatic" | "bounce" | "own-mail";

export interface Noise {
  kind: NoiseKind;
  reason: string;
}

const BULK_PRECEDENCE = new Set(["bulk", "junk", "list", "auto_reply"]);
const DAEMON_SENDER = /^(mailer-daemon|postmaster)@/i;

/** Why this mail is noise, or null when it may be a person's reply. */
export function classifyNoise(mail: MailFacts, inboundDomain: string | undefined): Noise | null {
  const header = (name: string) => mail.headers[name]?.trim() ?? "";
  if (inboundDomain && isOwnMessageId(mail.messageId, inboundDomain)) {
    return { kind: "own-mail", reason: "Our own mail came back (its Message-ID is in our domain): ignored to stop a loop." };
  }
  const contentType = (mail.contentType ?? "").toLowerCase();
  if (contentType.startsWith("multipart/report") || header("x-failed-recipients") || (mail.fromAddress && DAEMON_SENDER.test(mail.fromAddress))) {
    return { kind: "bounce", reason: "A delivery report (bounce) from a mail system: ignored." };
  }
  const autoSubmitted = header("auto-submitted").toLowerCase().split(";")[0]!.trim();
  if (autoSubmitted === "auto-replied" || header("x-autoreply") || header("x-autorespond")) {
    return { kind: "out-of-office", reason: "An automatic reply (out of office): recorded; it does not reopen or resume the ticket." };
  }
  if (autoSubmitted && autoSubmitted !== "no") {
    return { kind: "automatic", reason: `Sent automatically (Auto-Submitted: ${autoSubmitted}): ignored.` };
  }
  const precedence = header("precedence").toLowerCase();
  if (BULK_PRECEDENCE.has(precedence)) {
    return { kind: "automatic", reason: `Bulk or automatic mail (Precedence: ${precedence}): ignored.` };
  }
  return null;
}
