// One SMTP server in the test process that both instances send to. Each instance signs in with its own
// user name (SMTP_URL smtp://<instance>:x@…), so every message received says which instance's worker sent it.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SunkMail {
  /** The Message-ID header: `<outbox-<row id>@tierdesk>` (lib/mail/deliver-outbox.ts). */
  messageId: string;
  /** The SMTP user name the sending instance signed in with. */
  sentBy: string;
  to: string[];
}

export interface MailSink {
  /** The SMTP_URL to give the instance called `instance`. */
  urlFor(instance: string): string;
  readonly received: readonly SunkMail[];
  close(): Promise<void>;
}

/** The Message-ID of a raw message (headers end at the first empty line; a folded header continues with blanks). */
function messageIdOf(raw: string): string {
  const headers = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return /^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? "";
}

export async function startMailSink(): Promise<MailSink> {
  const received: SunkMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          messageId: messageIdOf(Buffer.concat(chunks).toString("utf8")),
          sentBy: String(session.user ?? ""),
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    urlFor: (instance) => `smtp://${instance}:sink@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
