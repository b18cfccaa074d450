// Parsing of the mailbox address the IMAP fetch reads (`INBOUND_IMAP_URL`) and of what it does with a message
// once received. Pure, so it is unit-tested without a server (tests/unit/imap-url.test.ts).

export interface ImapConnection {
  host: string;
  port: number;
  /** True for imaps:// (TLS from the first byte); imap:// upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  /** URL-decoded. */
  pass: string;
  /** The mailbox named by the URL's path, URL-decoded; null when the path is empty. */
  mailbox: string | null;
}

/** What happens to a message after its receive resolved: flagged \Seen, moved to a folder, or deleted. */
export type AfterReceive = "seen" | "delete" | `move:${string}`;

export class ImapUrlError extends Error {
  override name = "ImapUrlError";
}

const DEFAULT_PORTS = { "imap:": 143, "imaps:": 993 } as const;

/**
 * `imaps://user:pass@host:993/INBOX` or `imap://user:pass@host:143/INBOX` (port and path optional). User and
 * password are URL-encoded in the URL (an `@` in either is `%40`) and decoded here. Throws ImapUrlError with a
 * message that never repeats the password.
 */
export function parseImapUrl(value: string): ImapConnection {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ImapUrlError("The IMAP URL is not a URL; expected imaps://user:password@host:993/INBOX");
  }
  const protocol = url.protocol;
  if (protocol !== "imap:" && protocol !== "imaps:") {
    throw new ImapUrlError(`The IMAP URL must start with imaps:// or imap://, not ${protocol}//`);
  }
  if (!url.hostname) throw new ImapUrlError("The IMAP URL has no host");
  if (!url.username) throw new ImapUrlError("The IMAP URL has no user (imaps://user:password@host/INBOX)");
  if (!url.password) throw new ImapUrlError("The IMAP URL has no password (imaps://user:password@host/INBOX)");
  if (url.search || url.hash) throw new ImapUrlError("The IMAP URL takes no query (?…) or fragment (#…)");
  let user: string;
  let pass: string;
  let mailbox: string;
  try {
    user = decodeURIComponent(url.username);
    pass = decodeURIComponent(url.password);
    mailbox = decodeURIComponent(url.pathname.replace(/^\//, ""));
  } catch {
    throw new ImapUrlError("The IMAP URL has a malformed %-escape in its user, password or mailbox");
  }
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[protocol];
  return {
    // An IPv6 literal comes back bracketed from URL; sockets want it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    secure: protocol === "imaps:",
    user,
    pass,
    mailbox: mailbox === "" ? null : mailbox,
  };
}

/** Checks an afterReceive value ("seen", "delete" or "move:<folder>" with a non-empty folder). */
export function parseAfterReceive(value: string): AfterReceive {
  if (value === "seen" || value === "delete") return value;
  if (value.startsWith("move:")) {
    const folder = value.slice("move:".length);
    if (folder.trim() === "") throw new ImapUrlError('afterReceive "move:" needs a folder, as in "move:Processed"');
    return `move:${folder}`;
  }
  throw new ImapUrlError(`afterReceive must be "seen", "delete" or "move:<folder>", not ${JSON.stringify(value)}`);
}
