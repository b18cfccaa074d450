// Fetching customer mail from an IMAP mailbox (issue 24). One run connects, takes the unseen messages of one
// mailbox (oldest UID first, at most `batch`), hands each message's raw bytes to `receive`, and only once
// `receive` resolved flags it \Seen, moves it or deletes it; then it logs out. Never before: a crash between
// receive and the flag re-reads the message on the next run, and the intake deduplicates by Message-ID. A
// message whose receive throws is left unseen (tried again next run) and the run goes on with the next.
// This module knows nothing of the intake: `receive` is whatever the caller passes (imap-job.ts, the
// repeating job, passes receiveInboundMail).
import { ImapFlow } from "imapflow";
import { parseAfterReceive, parseImapUrl, type AfterReceive } from "./imap-url";

export type { AfterReceive } from "./imap-url";

export interface ImapFetchOptions {
  /** imaps://user:pass@host:993/INBOX or imap://user:pass@host:143/INBOX (see parseImapUrl). */
  url: string;
  /** The mailbox to read; default the URL's path, else INBOX. */
  mailbox?: string;
  /** Takes one message's raw bytes; resolves once it is stored. A rejection leaves the message unseen. */
  receive: (raw: Buffer) => Promise<void>;
  /** At most this many messages per run (the oldest unseen first). */
  batch?: number;
  /** After receive resolved: flag \Seen, move to a folder (created when missing), or delete (expunge). */
  afterReceive: AfterReceive;
  /** A message bigger than this is not downloaded: it stays unseen in the mailbox for a person, listed in `tooBig`. */
  maxBytes?: number;
  /** Milliseconds; so that a hung server fails the run instead of hanging it. */
  timeouts?: { connect?: number; greeting?: number; socket?: number };
}

export interface ImapFetchResult {
  /** Messages whose bytes were downloaded this run. */
  fetched: number;
  /** …whose receive resolved and which were then flagged, moved or deleted. */
  received: number;
  /** …whose receive threw; they stay unseen. */
  failed: number;
  /** One line per failed message (UID and the error's message), for the job's log. */
  errors: string[];
  /** One line per message over `maxBytes` (UID and size), left unseen. */
  tooBig: string[];
}

export const DEFAULT_BATCH = 50;
/** As the SMTP receiver's default (INBOUND_SMTP_MAX_MB). */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
const DEFAULT_TIMEOUTS = { connect: 30_000, greeting: 15_000, socket: 60_000 };

export async function fetchImapMailbox(options: ImapFetchOptions): Promise<ImapFetchResult> {
  const connection = parseImapUrl(options.url);
  const afterReceive = parseAfterReceive(options.afterReceive);
  const mailbox = options.mailbox ?? connection.mailbox ?? "INBOX";
  const batch = options.batch ?? DEFAULT_BATCH;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be a positive integer, not ${batch}`);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };

  const client = new ImapFlow({
    host: connection.host,
    port: connection.port,
    secure: connection.secure,
    auth: { user: connection.user, pass: connection.pass },
    logger: false,
    connectionTimeout: timeouts.connect,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
  });
  // A socket error after connect is also emitted as an event; unhandled it would end the process. The pending
  // command rejects with it, which is what ends this run.
  let socketError: Error | null = null;
  client.on("error", (error: Error) => {
    socketError = error;
  });

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const result: ImapFetchResult = { fetched: 0, received: 0, failed: 0, errors: [], tooBig: [] };
  await client.connect();
  try {
    const destination = afterReceive.startsWith("move:") ? afterReceive.slice("move:".length) : null;
    if (destination !== null) await ensureMailbox(client, destination);

    const lock = await client.getMailboxLock(mailbox);
    try {
      const found = await client.search({ seen: false }, { uid: true });
      const uids = (found || []).sort((a, b) => a - b).slice(0, batch);
      for (const uid of uids) {
        const range = String(uid);
        const sized = await client.fetchOne(range, { uid: true, size: true }, { uid: true });
        if (!sized) continue; // expunged by someone else meanwhile
        if ((sized.size ?? 0) > maxBytes) {
          result.tooBig.push(`UID ${uid}: ${(sized.size! / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit: left unseen for a person`);
          continue;
        }
        // `source` is fetched with BODY.PEEK[], which leaves \Seen alone.
        const message = await client.fetchOne(range, { uid: true, source: true }, { uid: true });
        if (!message || !message.source) continue; // expunged by someone else meanwhile
        result.fetched += 1;
        try {
          await options.receive(message.source);
        } catch (error) {
          result.failed += 1;
          result.errors.push(`UID ${uid}: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        if (afterReceive === "seen") await client.messageFlagsAdd(range, ["\\Seen"], { uid: true });
        else if (afterReceive === "delete") await client.messageDelete(range, { uid: true });
        else if (!(await client.messageMove(range, destination!, { uid: true }))) {
          throw new Error(`Could not move UID ${uid} to ${destination}`);
        }
        result.received += 1;
      }
    } finally {
      lock.release();
    }
  } catch (error) {
    throw socketError ?? error;
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

async function ensureMailbox(client: ImapFlow, path: string): Promise<void> {
  const existing = await client.list();
  if (existing.some((box) => box.path === path)) return;
  await client.mailboxCreate(path);
}
