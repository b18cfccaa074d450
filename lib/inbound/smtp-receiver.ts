// The SMTP receiver (issue 24, "Receiving"): an SMTP server inside the app that takes mail for one domain and
// hands each message, as the raw bytes it arrived as, to a callback. It knows nothing of tickets or the database.
//
// What it accepts, and what it answers:
// - RCPT TO only at INBOUND_DOMAIN (any case); any other domain gets 550 (no relaying, ever). At most
//   `maxRecipients` per message (452 beyond).
// - No AUTH (the command is disabled: anyone may hand us mail for our domain, as at any MX). No STARTTLS unless
//   a key and certificate are given; then it is offered, never required. Put a TLS-terminating MTA in front
//   if senders must be able to encrypt and no certificate is at hand.
// - SIZE is advertised (`maxBytes`); a MAIL FROM declaring more, or a message that turns out bigger, gets 552
//   and never reaches `receive`.
// - At most `perSenderPerHour` messages per MAIL FROM address (lower-cased; all null-sender bounces share "")
//   in any hour: over it, 451 at MAIL FROM (and at the end of DATA, should parallel sessions race past the
//   first check). A sender's MTA queues and retries; nothing is lost.
// - At most `maxConnections` sessions at once; the next is greeted with 421 and closed.
// - 250 only after `receive` resolved. If it throws, 451: the sending MTA keeps the message and retries,
//   so mail is never acknowledged and then lost (a retry may deliver twice; the intake deduplicates by Message-ID).
//
// Each message is held in memory until `receive` settles: up to maxBytes × maxConnections at worst.
//
// Wiring (not done here, as the intake does not exist yet in this branch): in instrumentation.ts, beside the
// repeating jobs, `const settings = inboundSmtpSettings(process.env)` (smtp-receiver-config.ts); when not null,
// read settings.tls's files and `startSmtpReceiver({ ...settings, tls, receive: (raw) =>
// receiveInboundMail(raw, "SMTP").then(() => undefined) })`, and close it in the graceful shutdown.
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";
import { decideSenderRate, HOUR_MS, releaseSenderTime, senderKey, timesInWindow, type SenderRateLimit } from "./sender-rate";

export interface SmtpEnvelope {
  /** The MAIL FROM address as given ("" for the null sender, `MAIL FROM:<>`). */
  mailFrom: string;
  rcptTo: string[];
}

export interface SmtpReceiverOptions {
  /** 0: an ephemeral port (tests); the port listened on is in the result. */
  port: number;
  /** undefined: every interface. */
  host?: string;
  /** The only domain accepted in RCPT TO (compared without case). */
  domain: string;
  /** The largest message taken, in bytes (advertised with SIZE). */
  maxBytes?: number;
  perSenderPerHour: number;
  /** Sessions open at once. */
  maxConnections?: number;
  maxRecipients?: number;
  /** PEM key and certificate: STARTTLS is offered. Unset: plain SMTP only. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Hands one message on; the sender hears 250 only once this resolved, 451 when it throws. */
  receive: (raw: Buffer, envelope: SmtpEnvelope) => Promise<void>;
  now?: () => Date;
  /** How long close() lets open sessions finish before cutting them. */
  closeTimeoutMs?: number;
  /** Told of each message `receive` refused (the sender was told 451). */
  onReceiveError?: (error: unknown, envelope: SmtpEnvelope) => void;
  /** Told of a session's socket or protocol error (a client gone mid-session, say); the receiver carries on. */
  onError?: (error: Error) => void;
}

export interface SmtpReceiver {
  port: number;
  /** Stops taking connections, lets open sessions finish (up to closeTimeoutMs), and waits for `receive` calls under way. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS = 20;
export const DEFAULT_MAX_RECIPIENTS = 100;

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

/** The domain of an address (after its last "@"), lower-case and without a trailing dot. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  return at < 0 ? "" : address.slice(at + 1).toLowerCase().replace(/\.$/, "");
}

function tooMany(mailFrom: string, retryAfterMs: number): SmtpError {
  const wait = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return smtpError(451, `4.7.1 Too many messages from <${mailFrom}> this hour; try again in ${wait} minute${wait === 1 ? "" : "s"}`);
}

export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const domain = options.domain.trim().toLowerCase().replace(/\.$/, "");
  if (!domain) throw new Error("The SMTP receiver needs the domain it takes mail for.");
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? (() => new Date());
  const rate: SenderRateLimit = { limit: options.perSenderPerHour, windowMs: HOUR_MS };

  // Times (ms) of the messages taken per sender key, within the last hour; swept of idle senders now and then.
  const taken = new Map<string, readonly number[]>();
  let lastSweep = 0;
  function sweep(nowMs: number): void {
    if (nowMs - lastSweep < 60_000) return;
    lastSweep = nowMs;
    for (const [key, times] of taken) {
      const kept = timesInWindow(times, nowMs, rate.windowMs);
      if (kept.length === 0) taken.delete(key);
      else taken.set(key, kept);
    }
  }

  const inFlight = new Set<Promise<void>>();

  const envelopeOf = (session: SMTPServerSession): SmtpEnvelope => ({
    mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
    rcptTo: session.envelope.rcptTo.map((r) => r.address),
  });

  const server = new SMTPServer({
    logger: false,
    banner: "Tierdesk inbound mail",
    size: maxBytes,
    maxClients: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    maxRecipients: options.maxRecipients ?? DEFAULT_MAX_RECIPIENTS,
    authOptional: true,
    disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    disableReverseLookup: true,
    closeTimeout: options.closeTimeoutMs ?? 5_000,

    onMailFrom(address: SMTPServerAddress, _session, callback) {
      const nowMs = now().getTime();
      sweep(nowMs);
      // A look only: the message is counted when it has arrived whole (onData).
      const decision = decideSenderRate(taken.get(senderKey(address.address)) ?? [], nowMs, rate);
      callback(decision.allowed ? undefined : tooMany(address.address, decision.retryAfterMs));
    },

    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (domainOf(address.address) !== domain) {
        callback(smtpError(550, `5.7.1 Relaying denied: this server only takes mail for @${domain}, not <${address.address}>`));
        return;
      }
      callback();
    },

    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let failed = false;
      stream.on("data", (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk); // past the limit, read on to the end but keep nothing
      });
      stream.once("error", (error: Error) => {
        failed = true;
        callback(smtpError(451, `4.3.0 The message could not be read (${error.message}); try again later`));
      });
      stream.once("end", () => {
        if (failed) return;
        if (stream.sizeExceeded) {
          callback(smtpError(552, `5.3.4 Message too big: at most ${maxBytes} bytes are taken`));
          return;
        }
        const envelope = envelopeOf(session);
        const key = senderKey(envelope.mailFrom);
        const nowMs = now().getTime();
        const decision = decideSenderRate(taken.get(key) ?? [], nowMs, rate);
        taken.set(key, decision.times);
        if (!decision.allowed) {
          callback(tooMany(envelope.mailFrom, decision.retryAfterMs));
          return;
        }
        const raw = Buffer.concat(chunks);
        chunks.length = 0;
        const handing = (async () => {
          try {
            await options.receive(raw, envelope);
          } catch (error) {
            // Not taken: give the sender its place back, and have its MTA retry.
            taken.set(key, releaseSenderTime(taken.get(key) ?? [], nowMs));
            options.onReceiveError?.(error, envelope);
            callback(smtpError(451, "4.3.0 The message could not be stored just now; try again later"));
            return;
          }
          callback(null, "2.0.0 Message accepted");
        })();
        inFlight.add(handing);
        void handing.finally(() => inFlight.delete(handing));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A failing session is the client's problem, not a reason to stop (smtp-server emits them on the server).
  server.on("error", (error: Error) => options.onError?.(error));
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
